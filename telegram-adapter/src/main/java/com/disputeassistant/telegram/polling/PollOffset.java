package com.disputeassistant.telegram.polling;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The getUpdates offset, kept in Redis ({@code <prefix>telegram:offset}) rather than in memory: the next
 * poll confirms to Telegram every update below it, so it moves past an update only once that update's
 * effect is stored, and a restarted (or replacement) instance goes on from there.
 */
final class PollOffset {
    /** Only forwards: an instance that was slow to notice it lost its turn never moves the offset back. */
    private static final String ADVANCE = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > current then
              redis.call('SET', KEYS[1], ARGV[1])
            end
            return 1
            """;

    private final UnifiedJedis redis;
    private final String key;

    PollOffset(UnifiedJedis redis, String keyPrefix) {
        this.redis = redis;
        this.key = keyPrefix + "telegram:offset";
    }

    /** The first update id not yet handled; 0 before the first update, which makes Telegram start anywhere. */
    long next() {
        String stored = redis.get(key);
        return stored == null ? 0 : Long.parseLong(stored);
    }

    /** Records that every update below {@code next} is handled. */
    void advanceTo(long next) {
        redis.eval(ADVANCE, List.of(key), List.of(Long.toString(next)));
    }
}
