package com.disputeassistant.telegram.polling;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Which instance long-polls the bot: Telegram lets only one consumer call getUpdates at a time, so the
 * instances elect one through a lease in Redis ({@code <prefix>telegram:poller}, holding the holder's random
 * id with a TTL). The holder renews it well within the TTL and gives it back when it stops; if it dies,
 * the lease expires and another instance takes it within a TTL and a try. Renewal and release compare the
 * holder's id in one script step, so an instance that lost the lease (it was frozen past the TTL) can
 * neither extend nor delete its successor's. One key, so it runs on Redis Cluster too.
 */
final class PollerLease {
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final UnifiedJedis redis;
    private final String key;
    private final Duration ttl;
    private final String holder = UUID.randomUUID().toString();

    PollerLease(UnifiedJedis redis, String keyPrefix, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = keyPrefix + "telegram:poller";
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** How long the lease lasts without renewal. */
    Duration ttl() {
        return ttl;
    }

    /** Takes the lease if nobody holds it; true if this instance holds it now. */
    boolean tryTake() {
        return "OK".equals(redis.set(key, holder, SetParams.setParams().nx().px(ttl.toMillis())));
    }

    /** Extends the lease by a TTL; false if this instance no longer holds it. */
    boolean renew() {
        return ((Long) redis.eval(RENEW, List.of(key), List.of(holder, Long.toString(ttl.toMillis())))) == 1L;
    }

    /** Gives the lease back, if this instance still holds it, so that another takes it at once. */
    void release() {
        redis.eval(RELEASE, List.of(key), List.of(holder));
    }
}
