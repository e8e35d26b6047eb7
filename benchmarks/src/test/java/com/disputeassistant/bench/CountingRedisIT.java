package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.testing.RedisTestSupport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CountingRedisIT {
    private final String prefix = RedisTestSupport.uniquePrefix();
    private final CountingRedis redis = CountingRedis.connect(RedisTestSupport.redisUrl(), 2);

    @AfterEach
    void cleanUp() {
        RedisTestSupport.deleteKeys(redis, prefix);
        redis.close();
    }

    @Test
    void everyCommandAndEveryScriptIsOneRoundTrip() {
        long before = redis.roundTrips();

        redis.set(prefix + "a", "1");
        redis.get(prefix + "a");
        redis.eval("redis.call('SET', KEYS[1], '2'); return redis.call('GET', KEYS[1])", List.of(prefix + "a"),
                List.of());

        assertThat(redis.roundTrips() - before).isEqualTo(3);
        assertThat(redis.callsByCommand()).containsEntry("EVAL", 1L).containsEntry("GET", 1L).containsEntry("SET", 1L);
        assertThat(redis.get(prefix + "a")).isEqualTo("2");
    }
}
