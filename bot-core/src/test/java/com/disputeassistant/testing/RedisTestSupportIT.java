package com.disputeassistant.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisTestSupportIT {

    @Test
    void givesOneRedisOnLoopbackForTheWholeRun() {
        String url = RedisTestSupport.redisUrl();

        assertThat(RedisTestSupport.redisUrl()).isSameAs(url);
        if (System.getenv("REDIS_URL") == null) {
            URI uri = URI.create(url);
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(uri.getPort()).isNotEqualTo(6379);
        }
    }

    @Test
    void givesEveryTestItsOwnPrefix() {
        assertThat(RedisTestSupport.uniquePrefix()).isNotEqualTo(RedisTestSupport.uniquePrefix());
    }

    @Test
    void deletesTheKeysOfOnePrefixOnly() {
        String mine = RedisTestSupport.uniquePrefix();
        String other = RedisTestSupport.uniquePrefix();
        try (RedisClient redis = RedisClient.create(URI.create(RedisTestSupport.redisUrl()))) {
            for (int i = 0; i < 1200; i++) {
                redis.set(mine + "key:" + i, "x");
            }
            redis.set(other + "key", "kept");

            RedisTestSupport.deleteKeys(redis, mine);

            assertThat(redis.exists(mine + "key:0")).isFalse();
            assertThat(redis.exists(mine + "key:1199")).isFalse();
            assertThat(redis.get(other + "key")).isEqualTo("kept");
            RedisTestSupport.deleteKeys(redis, other);
            assertThat(redis.exists(other + "key")).isFalse();
        }
    }

    @Test
    void refusesToDeleteKeysThatAreNotATestsOwn() {
        try (RedisClient redis = RedisClient.create(URI.create(RedisTestSupport.redisUrl()))) {
            assertThatThrownBy(() -> RedisTestSupport.deleteKeys(redis, "da:"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uniquePrefix()");
        }
    }
}
