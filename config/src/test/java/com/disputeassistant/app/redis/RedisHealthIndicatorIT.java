package com.disputeassistant.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisOutage;
import com.disputeassistant.store.ReplicaWait;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

class RedisHealthIndicatorIT {

    @Test
    void upWhenRedisAnswersWithWhichServerItIs() {
        ExternalRedis target = ExternalRedis.of(RedisTestSupport.redisUrl());
        try (RedisClient client = RedisConnections.connect(target.url())) {
            Health health = indicator(client, target).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("server", "external (REDIS_URL)")
                    .containsEntry("location", target.location());
        }
    }

    @Test
    void downWhenRedisDoesNotAnswerAndStillWithoutThePassword() throws IOException {
        ExternalRedis target = ExternalRedis.of("redis://bot:s3cret@127.0.0.1:" + closedPort());
        try (RedisClient client = RedisConnections.connect(target.url())) {
            Health health = indicator(client, target).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error")
                    .containsEntry("location", target.location());
            assertThat(health.getDetails().toString()).doesNotContain("s3cret");
        }
    }

    @Test
    void downWhenRedisAnswersPingButRefusesWritesOutOfMemoryOrAsAReadOnlyReplica() throws IOException {
        try (Server server = Server.start(); RedisClient client = RedisConnections.connect(server.url())) {
            ExternalRedis target = ExternalRedis.of(server.url());
            assertThat(indicator(client, target).health().getStatus()).isEqualTo(Status.UP);

            client.configSet("maxmemory-policy", "noeviction");
            client.configSet("maxmemory", "1");
            Health outOfMemory = indicator(client, target).health();
            client.configSet("maxmemory", "0");
            assertThat(indicator(client, target).health().getStatus()).isEqualTo(Status.UP);

            client.sendCommand(Protocol.Command.REPLICAOF, "127.0.0.1", Integer.toString(closedPort()));
            Health readOnly = indicator(client, target).health();
            client.sendCommand(Protocol.Command.REPLICAOF, "NO", "ONE");

            assertThat(outOfMemory.getStatus()).isEqualTo(Status.DOWN);
            assertThat(outOfMemory.getDetails().get("error").toString()).contains("OOM");
            assertThat(readOnly.getStatus()).isEqualTo(Status.DOWN);
            assertThat(readOnly.getDetails().get("error").toString()).contains("READONLY");
            assertThat(indicator(client, target).health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void readinessGoesDownWhenTheMasterBecomesAReplicaAndUpWhenItIsMasterAgainWithinTheProbesCache() throws Exception {
        try (Server server = Server.start(); RedisClient client = RedisConnections.connect(server.url())) {
            RedisHealthIndicator readiness = indicator(client, ExternalRedis.of(server.url()));
            assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);

            client.sendCommand(Protocol.Command.REPLICAOF, "127.0.0.1", Integer.toString(closedPort()));
            Health replica = awaitStatus(readiness, Status.DOWN);
            assertThat(replica.getDetails().get("error").toString()).contains("READONLY");

            client.sendCommand(Protocol.Command.REPLICAOF, "NO", "ONE");
            awaitStatus(readiness, Status.UP);
        }
    }

    @Test
    void downWhenRedisAnswersPingButWillNotRunTheScriptsACommitRuns() throws Exception {
        try (Server server = Server.start(); RedisClient admin = RedisConnections.connect(server.url())) {
            admin.sendCommand(Protocol.Command.ACL, "SETUSER", "noscripts", "on", ">pw", "~*", "+@all", "-@scripting");
            ExternalRedis target = ExternalRedis.of("redis://noscripts:pw@127.0.0.1:" + server.port);
            try (RedisClient client = RedisConnections.connect(target.url())) {
                assertThat(client.ping()).isEqualTo("PONG");
                Health health = indicator(client, target).health();

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails().get("error").toString()).contains("NOPERM");
            }
        }
    }

    @Test
    void downWhileFewerReplicasThanTheCommitsWaitForHaveTheWriteAndUpWithThem() throws Exception {
        try (Server master = Server.start(); Server replica = Server.start();
             RedisClient admin = RedisConnections.connect(replica.url())) {
            ExternalRedis target = ExternalRedis.of(master.url());
            try (UnifiedJedis waiting = RedisConnections.open(target.address(), new ReplicaWait(1, Duration.ofMillis(300)))) {
                Health alone = indicator(waiting, target).health();
                assertThat(alone.getStatus()).isEqualTo(Status.DOWN);
                assertThat(alone.getDetails().get("error").toString()).contains("NOREPLICAS");

                admin.sendCommand(Protocol.Command.REPLICAOF, "127.0.0.1", Integer.toString(master.port));
                awaitStatus(indicator(waiting, target), Status.UP);
            }
        }
    }

    /** Asks again (past the probe's cache) until the status is reached, for at most 10 s. */
    private static Health awaitStatus(RedisHealthIndicator indicator, Status status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Health health = indicator.health();
        while (!health.getStatus().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            health = indicator.health();
        }
        assertThat(health.getStatus()).as("%s", health.getDetails()).isEqualTo(status);
        return health;
    }

    private static RedisHealthIndicator indicator(UnifiedJedis client, RedisTarget target) {
        return new RedisHealthIndicator(target, new RedisOutage(client, RedisTestSupport.uniquePrefix(), Duration.ofSeconds(1),
                Clock.systemUTC()));
    }

    /** A Redis of this test's own (the embedded binary): it is made a replica, and its users changed. */
    private record Server(RedisServer server, int port) implements AutoCloseable {
        static Server start() throws IOException {
            int port = closedPort();
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new Server(server, port);
        }

        String url() {
            return "redis://127.0.0.1:" + port;
        }

        @Override
        public void close() throws IOException {
            server.stop();
        }
    }

    /** A loopback port nobody listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
