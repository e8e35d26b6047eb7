package com.disputeassistant.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.slack.FakeSlackApi;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Two app instances share one Redis; they are killed ({@code kill -9}) at random moments under load, first one
 * (started again), then the other (left dead: this scenario runs last). The clients write in the playground, alternately through both instances;
 * their experts are on the web, on Slack (a fake Web API) and on Telegram (a fake Bot API). Every turn an
 * instance acknowledged must reach the expert exactly once, counted where it arrives: at the fake servers and
 * in the web inbox.
 */
@Order(3)
class AppCrashIT {
    private static final FaultEnvironment.Range PAIRS = FaultEnvironment.CRASH;
    private static final int KILLS = 2;
    /**
     * The channels whose outbox each instance sends (web, Slack, Telegram): a sender killed after the platform
     * took a message and before it removed the message from Redis has it sent again by whoever takes over (the
     * platforms take no idempotency key), one message per channel at most (README, "Several instances").
     */
    private static final int SENDING_CHANNELS = 3;
    private static FaultEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = FaultEnvironment.get();
        for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
            Disputes.openToTalking(env.playgrounds[i % 2], i);
        }
    }

    @Test
    void everyAcknowledgedTurnsReplyReachesItsPersonExactlyOnceThoughInstancesAreKilled() throws Exception {
        Random random = new Random(13);
        Turns turns = Turns.start("crash", PAIRS, 3, 700, n -> env.playgrounds[n % 2]);
        for (int kill = 0; kill < KILLS; kill++) {
            RedisProcess.sleep(1000 + random.nextInt(2500));
            AppProcess victim = env.apps[kill % 2];
            victim.kill();
            if (kill == 0) {
                RedisProcess.sleep(500);
                victim.launch();
            }
        }
        RedisProcess.sleep(2000);
        turns.stop();
        Markers received = awaitSettled();

        FaultCounts counts = turns.counts("app kill -9 x2, two instances", received::times).print();
        System.out.printf("FAULTS app kill -9 x2: Slack chat.postMessage %d, Telegram sendMessage %d%n",
                env.slack.calls("chat.postMessage").size(), env.telegram.requests("sendMessage").size());
        assertThat(counts.acknowledged()).as("some turns went through").isGreaterThan(30);
        assertThat(counts.lost()).as("acknowledged turns whose reply never arrived").isZero();
        assertThat(counts.doubled()).as("replies that arrived twice: only in the window between a platform's answer and"
                + " Redis, at most one per channel of each killed instance").isLessThanOrEqualTo(KILLS * SENDING_CHANNELS);
        assertThat(counts.errors500()).as("500s").isZero();
    }

    /**
     * What arrived, once the outboxes stopped sending (their take-over of a killed sender included): nothing new
     * for three seconds, as one chat's last messages come 1.25 s apart (the shared limit and its margin).
     */
    private static Markers awaitSettled() {
        Markers last = null;
        int lastTotal = -1;
        int quiet = 0;
        for (int round = 0; round < 30; round++) {
            int total = env.slack.calls("chat.postMessage").size() + env.telegram.requests("sendMessage").size();
            quiet = total == lastTotal ? quiet + 1 : 0;
            if (quiet >= 3 && round >= 5) {
                break;
            }
            lastTotal = total;
            RedisProcess.sleep(1000);
        }
        last = new Markers();
        for (FakeSlackApi.Call call : env.slack.calls("chat.postMessage")) {
            if (call.accepted()) {
                last.add(call.param("text"));
            }
        }
        for (FakeBotApi.Request request : env.telegram.requests("sendMessage")) {
            if (request.json() != null && !request.json().path("failed").asBoolean(false)) {
                last.add(request.text("text"));
            }
        }
        for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
            if (!FaultEnvironment.expert(i).startsWith("web:")) {
                continue;
            }
            for (Playground.Message message : env.playgrounds[0].inbox("web:e" + i)) {
                last.add(message.text());
            }
        }
        return last;
    }
}
