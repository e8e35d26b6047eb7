package com.disputeassistant.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.store.RedisAddress;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisOutage;
import com.disputeassistant.store.ReplicaWait;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The connection part of Redis Cluster support: a three-master cluster of real {@code redis-server} processes on
 * loopback, reached through {@code redis-cluster://}: commands reach the node that owns each key and the
 * readiness probe (a one-key script) runs; a script over keys of several slots is refused, which is why the app
 * does not start on a cluster until its commit scripts are single-slot (issue 16).
 */
@Order(0)
class RedisClusterConnectionIT {

    @Test
    void theClusterClientReachesEveryNodeAndRefusesAScriptOverSeveralSlots() throws Exception {
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(RedisProcess.start("--cluster-enabled", "yes", "--cluster-node-timeout", "2000"));
            }
            createCluster(nodes);
            String url = "redis-cluster://127.0.0.1:" + nodes.get(0).port() + ",127.0.0.1:" + nodes.get(1).port();
            try (UnifiedJedis cluster = RedisConnections.open(RedisAddress.parse(url), ReplicaWait.NONE)) {
                for (int i = 0; i < 100; i++) {
                    cluster.set("cluster-test:" + i, "v" + i);
                }
                for (int i = 0; i < 100; i++) {
                    assertThat(cluster.get("cluster-test:" + i)).isEqualTo("v" + i);
                }
                for (RedisProcess node : nodes) {
                    try (RedisClient direct = RedisConnections.connect(node.url())) {
                        assertThat(direct.dbSize()).as("every master holds some of the keys").isPositive();
                    }
                }
                new RedisOutage(cluster, "cluster-test:", Duration.ofSeconds(1), Clock.systemUTC()).probe();

                assertThatThrownBy(() -> cluster.eval("return redis.call('MSET', KEYS[1], 'a', KEYS[2], 'b')",
                        List.of("cluster-test:{one}", "cluster-test:{two}"), List.of()))
                        .isInstanceOf(JedisException.class);
            }
            assertThatThrownBy(() -> RedisConnections.open(RedisAddress.parse(url), new ReplicaWait(1, Duration.ofSeconds(1))))
                    .hasMessageContaining("not supported with a Redis Cluster yet");
        } finally {
            for (RedisProcess node : nodes) {
                node.close();
            }
        }
    }

    /** {@code redis-cli --cluster create}, then until every node says the cluster is ok. */
    private static void createCluster(List<RedisProcess> nodes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.add("--cluster-yes");
        Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(create.getInputStream().readAllBytes());
        assertThat(create.waitFor()).as(output).isZero();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (RedisProcess node : nodes) {
            try (RedisClient client = RedisConnections.connect(node.url())) {
                while (!new String((byte[]) client.sendCommand(Protocol.Command.CLUSTER, "INFO")).contains("cluster_state:ok")) {
                    assertThat(System.nanoTime()).as("cluster_state:ok within 30 s").isLessThan(deadline);
                    RedisProcess.sleep(200);
                }
            }
        }
    }
}
