package com.disputeassistant.app.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Requests per API key per minute, counted in Redis ({@code P api:rate:KEY:MINUTE}) so that the limit
 * holds across every instance: one round trip per request.
 */
final class RedisRateLimit {
    private static final String COUNT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count
            """;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final UnifiedJedis redis;
    private final String prefix;
    private final int perMinute;
    private final Clock clock;

    RedisRateLimit(UnifiedJedis redis, String keyPrefix, int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("dispute.api.requests-per-minute is at least 1, not " + perMinute);
        }
        this.redis = redis;
        this.prefix = keyPrefix + "api:rate:";
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one request of this key; empty if allowed, else how long until the next window. */
    java.util.Optional<Duration> take(String keyName) {
        long now = clock.millis();
        long window = now / WINDOW.toMillis();
        long count = (Long) redis.eval(COUNT, List.of(prefix + keyName + ":" + window),
                List.of(Long.toString(WINDOW.toMillis() * 2)));
        if (count <= perMinute) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofMillis((window + 1) * WINDOW.toMillis() - now));
    }
}
