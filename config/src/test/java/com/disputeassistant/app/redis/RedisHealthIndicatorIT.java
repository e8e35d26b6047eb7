package com.disputeassistant.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisOutage;
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
        int port = closedPort();
        RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        ExternalRedis target = ExternalRedis.of("redis://127.0.0.1:" + port);
        try (RedisClient client = RedisConnections.connect(target.url())) {
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
        } finally {
            server.stop();
        }
    }

    private static RedisHealthIndicator indicator(RedisClient client, RedisTarget target) {
        return new RedisHealthIndicator(client, target, new RedisOutage(client, RedisTestSupport.uniquePrefix(), Duration.ofSeconds(1),
                Clock.systemUTC()));
    }

    /** A loopback port nobody listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
