package com.disputeassistant.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Redis killed ({@code kill -9}, restarted from its AOF) and frozen ({@code SIGSTOP}/{@code SIGCONT}) under load
 * from the playground: every acknowledged turn is applied, none twice, the app serves again by itself, and while
 * Redis is away it answers 503, never 500.
 */
@Order(2)
class RedisFaultsIT {
    private static final FaultEnvironment.Range PAIRS = FaultEnvironment.REDIS;
    private static FaultEnvironment env;
    private static Playground playground;

    @BeforeAll
    static void start() throws Exception {
        env = FaultEnvironment.get();
        playground = env.playgrounds[0];
        for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
            Disputes.openToTalking(playground, i);
        }
    }

    @Test
    void redisKilledFiveTimesUnderLoadLosesNoAcknowledgedTurnAndAppliesNoneTwice() throws Exception {
        Turns turns = Turns.start("kill", PAIRS, 4, 50, n -> playground);
        List<Duration> recoveries = new ArrayList<>();
        for (int kill = 0; kill < 5; kill++) {
            RedisProcess.sleep(1500);
            env.redis.kill();
            RedisProcess.sleep(1000);
            env.redis.launch();
            recoveries.add(timeToServe(kill));
        }
        RedisProcess.sleep(1000);
        turns.stop();

        FaultCounts counts = turns.counts("redis kill -9 x5", received()::times).print();
        System.out.println("FAULTS redis kill -9 x5: served again after " + recoveries + "; answered 200 but told to"
                + " send it again (inbound.failed): " + toldToSendAgain());
        assertThat(counts.acknowledged()).as("some turns went through").isGreaterThan(50);
        assertThat(counts.lost()).as("acknowledged turns lost").isZero();
        assertThat(counts.doubled()).as("turns applied twice").isZero();
        assertThat(recoveries).as("served again within seconds").allMatch(d -> d.compareTo(Duration.ofSeconds(10)) < 0);
        assertThat(counts.errors500()).as("500s while Redis was away (503 expected)").isZero();
    }

    @Test
    void redisFrozenUnderLoadAppliesNoTurnTwiceAndLeavesNoDisputeStuck() throws Exception {
        Turns turns = Turns.start("stop", PAIRS, 4, 50, n -> playground);
        // Shorter and longer than the Redis client's 2-second timeout.
        for (long frozen : new long[] {1000, 3000, 5000}) {
            RedisProcess.sleep(1500);
            env.redis.freeze();
            RedisProcess.sleep(frozen);
            env.redis.thaw();
        }
        RedisProcess.sleep(1000);
        turns.stop();

        FaultCounts counts = turns.counts("redis SIGSTOP x3", received()::times).print();
        System.out.println("FAULTS redis SIGSTOP x3: answered 200 but told to send it again (inbound.failed): "
                + toldToSendAgain());
        assertThat(counts.lost()).as("acknowledged turns lost").isZero();
        assertThat(counts.doubled()).as("turns applied twice").isZero();
        for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
            String marker = "[unstuck-" + i + "-0]";
            assertThat(playground.says(FaultMarketplace.client(i), "message " + marker)).as("dispute %d answers", i)
                    .isEqualTo(200);
        }
        Markers after = received();
        for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
            assertThat(after.times("[unstuck-" + i + "-0]")).as("dispute %d goes on", i).isEqualTo(1);
        }
        assertThat(counts.errors500()).as("500s while Redis was frozen (503 expected)").isZero();
    }

    /** How long until a turn goes through again after Redis came back. */
    private static Duration timeToServe(int kill) {
        long start = System.nanoTime();
        for (int attempt = 0; System.nanoTime() - start < Duration.ofSeconds(30).toNanos(); attempt++) {
            String client = FaultMarketplace.client(PAIRS.first() + attempt % PAIRS.size());
            if (playground.says(client, "probe after kill " + kill) == 200) {
                break;
            }
            RedisProcess.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * How many messages in the clients' inboxes so far say that what they sent was not applied: the request was
     * answered 200 all the same (the failure notice is a delivered reply), so such a turn counts as lost.
     */
    private static long toldToSendAgain() {
        long told = 0;
        for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
            told += playground.count(FaultMarketplace.client(i), "was not applied. Please send it again");
        }
        return told;
    }

    /** The markers every expert received. */
    private static Markers received() {
        Markers markers = new Markers();
        for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
            playground.inbox("web:e" + i).forEach(message -> markers.add(message.text()));
        }
        return markers;
    }
}
