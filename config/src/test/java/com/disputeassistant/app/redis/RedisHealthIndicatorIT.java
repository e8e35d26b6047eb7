package com.disputeassistant.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.RedisClient;

class RedisHealthIndicatorIT {

    @Test
    void upWhenRedisAnswersWithWhichServerItIs() {
        ExternalRedis target = ExternalRedis.of(RedisTestSupport.redisUrl());
        try (RedisClient client = RedisConnections.connect(target.url())) {
            Health health = new RedisHealthIndicator(client, target).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("server", "external (REDIS_URL)")
                    .containsEntry("location", target.location());
        }
    }

    @Test
    void downWhenRedisDoesNotAnswerAndStillWithoutThePassword() throws IOException {
        ExternalRedis target = ExternalRedis.of("redis://bot:s3cret@127.0.0.1:" + closedPort());
        try (RedisClient client = RedisConnections.connect(target.url())) {
            Health health = new RedisHealthIndicator(client, target).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error")
                    .containsEntry("location", target.location());
            assertThat(health.getDetails().toString()).doesNotContain("s3cret");
        }
    }

    /** A loopback port nobody listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
