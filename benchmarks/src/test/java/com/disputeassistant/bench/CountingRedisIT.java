package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.testing.RedisTestSupport;
import java.util.List;
import java.util.Map;
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

    /** The bare baseline makes the engine's calls, counted the way the engine's are: same number, same commands. */
    @Test
    void aHundredMessagesMakeAHundredTimesTheShapeAndTheLastScriptWritesTheDispute() {
        BareRedisWork bare = new BareRedisWork(redis, prefix, Map.of("EVALSHA", 2.0, "GET", 1.25, "HGETALL", 0.5),
                1_400);
        Lane lane = new Lane(5, DisputeScript.SETTLED_AT_A_FAIR_FEE);
        Map<String, Long> before = redis.callsByCommand();

        for (int m = 0; m < 100; m++) {
            bare.send(lane);
        }

        Map<String, Long> after = redis.callsByCommand();
        assertThat(after.get("EVALSHA") - before.getOrDefault("EVALSHA", 0L)).isEqualTo(200);
        assertThat(after.get("GET") - before.getOrDefault("GET", 0L)).isEqualTo(125);
        assertThat(after.get("HGETALL") - before.getOrDefault("HGETALL", 0L)).isEqualTo(50);
        assertThat(redis.hstrlen(prefix + "bare:{5}", "json")).isEqualTo(1_400);
        assertThat(bare.shape()).isEqualTo("EVALSHA 2.00, GET 1.25, HGETALL 0.500");
    }
}
