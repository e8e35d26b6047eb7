package com.disputeassistant.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.store.RedisAddress;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.ReplicaWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis Sentinel: a master, two replicas and a Sentinel, and an app instance (child JVM) that finds the master
 * through the Sentinel and acknowledges a turn only once a replica has it ({@code dispute.redis.wait-replicas=1}).
 * Under load the master is killed ({@code kill -9}, not started again): the app serves again by itself soon
 * after the Sentinel promotes a replica, and no acknowledged turn is lost. Two replicas, because with WAIT for one
 * replica the promoted master needs a replica of its own to acknowledge anything.
 *
 * <p>Its own Redis processes and app: it runs first, before the shared {@link FaultEnvironment} starts.
 */
@Order(0)
class SentinelFailoverIT {
    private static final String MASTER = "mymaster";
    private static final FaultEnvironment.Range PAIRS = new FaultEnvironment.Range(0, 6);

    @Test
    void masterKilledUnderLoadTheAppServesAgainSoonAfterThePromotionAndLosesNoAcknowledgedTurn() throws Exception {
        try (RedisProcess master = RedisProcess.start();
             RedisProcess first = RedisProcess.start("--replicaof", "127.0.0.1", Integer.toString(master.port()));
             RedisProcess second = RedisProcess.start("--replicaof", "127.0.0.1", Integer.toString(master.port()));
             RedisProcess sentinel = RedisProcess.sentinel(MASTER, master.port())) {
            awaitReplicasKnown(master, sentinel);
            String url = "redis-sentinel://127.0.0.1:" + sentinel.port() + "/" + MASTER;
            try (UnifiedJedis plain = RedisConnections.open(RedisAddress.parse(url), ReplicaWait.NONE)) {
                plain.set("sentinel:plain-client", "found the master");
                assertThat(plain.get("sentinel:plain-client")).as("the client that waits for no replica")
                        .isEqualTo("found the master");
            }
            Path marketplace = FaultMarketplace.write(PAIRS.end(), i -> "web:e" + i);
            try (AppProcess app = AppProcess.start("sentinel", Map.of(
                    "dispute.redis.url", url,
                    "dispute.redis.wait-replicas", "1",
                    "dispute.redis.key-prefix", "sentinel:",
                    "dispute.marketplace.file", marketplace.toString(),
                    "dispute.playground.enabled", "true"))) {
                Playground playground = new Playground(app);
                for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
                    Disputes.openToTalking(playground, i);
                }
                Turns turns = Turns.start("failover", PAIRS, 3, 50, n -> playground);
                RedisProcess.sleep(3000);

                long killed = System.nanoTime();
                master.kill();
                long promoted = awaitPromotion(sentinel, master.port());
                long served = awaitServed(playground);
                RedisProcess.sleep(3000);
                turns.stop();

                Markers received = received(playground);
                FaultCounts counts = turns.counts("sentinel failover, master kill -9", received::times).print();
                Duration toPromotion = Duration.ofNanos(promoted - killed);
                Duration toServe = Duration.ofNanos(Math.max(0, served - promoted));
                System.out.println("FAULTS sentinel failover: promoted " + toPromotion.toMillis() + " ms after the kill;"
                        + " served again " + toServe.toMillis() + " ms after the promotion");
                assertThat(counts.acknowledged()).as("turns went through before and after").isGreaterThan(30);
                assertThat(counts.lost()).as("acknowledged turns lost").isZero();
                assertThat(counts.doubled()).as("turns applied twice").isZero();
                assertThat(counts.errors500()).as("500s during the failover (503 expected)").isZero();
                assertThat(toServe).as("served again after the promotion").isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    /** Until both replicas are in sync and the Sentinel has found them (it asks the master every 10 s). */
    private static void awaitReplicasKnown(RedisProcess master, RedisProcess sentinel) {
        try (RedisClient masterClient = RedisConnections.connect(master.url());
             RedisClient sentinelClient = RedisConnections.connect(sentinel.url())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                // Connected is not enough: a replica still waiting for its first full copy acknowledges nothing.
                boolean replicating = masterClient.info("replication").split("state=online", -1).length - 1 == 2;
                List<?> known = (List<?>) sentinelClient.sendCommand(Protocol.Command.SENTINEL, "replicas", MASTER);
                if (replicating && known.size() == 2) {
                    return;
                }
                RedisProcess.sleep(200);
            }
            throw new AssertionError("the Sentinel did not find both replicas within 30 s");
        }
    }

    /** When the Sentinel names another master than the killed one. */
    private static long awaitPromotion(RedisProcess sentinel, int killedPort) {
        try (RedisClient client = RedisConnections.connect(sentinel.url())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                List<?> address = (List<?>) client.sendCommand(Protocol.Command.SENTINEL, "get-master-addr-by-name",
                        MASTER);
                if (!new String((byte[]) address.get(1)).equals(Integer.toString(killedPort))) {
                    return System.nanoTime();
                }
                RedisProcess.sleep(50);
            }
            throw new AssertionError("the Sentinel promoted no replica within 60 s");
        }
    }

    /** When a turn goes through again. */
    private static long awaitServed(Playground playground) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            String client = FaultMarketplace.client(PAIRS.first() + attempt % PAIRS.size());
            if (playground.says(client, "probe after the failover " + attempt) == 200) {
                return System.nanoTime();
            }
            RedisProcess.sleep(50);
        }
        throw new AssertionError("the app did not serve again within 60 s");
    }

    private static Markers received(Playground playground) {
        Markers markers = new Markers();
        for (int i = PAIRS.first(); i < PAIRS.end(); i++) {
            playground.inbox("web:e" + i).forEach(message -> markers.add(message.text()));
        }
        return markers;
    }
}
