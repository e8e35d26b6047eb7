package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.testing.RedisTestSupport;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisConnectionsIT {

    @Test
    void connectsToTheRedisTheUrlNames() {
        String key = RedisTestSupport.uniquePrefix() + "probe";
        try (RedisClient redis = RedisConnections.connect(RedisTestSupport.redisUrl())) {
            redis.setex(key, 60, "written");
            assertThat(redis.get(key)).isEqualTo("written");
            redis.del(key);
        }
    }
}
