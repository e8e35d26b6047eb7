package com.disputeassistant.app.redis;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.store.RedisAddress;
import java.util.Map;

/**
 * A Redis server, Sentinel group or Cluster run by someone else, named by {@code REDIS_URL}; the application
 * never stops it.
 */
record ExternalRedis(String url, RedisAddress address) implements RedisTarget {

    static final String FIX = "Set REDIS_URL to a Redis URL such as redis://localhost:6379, "
            + "rediss://user:password@host:6380/0 for TLS, redis-sentinel://sentinel1:26379,sentinel2:26379/mymaster "
            + "for Redis Sentinel, or unset it to run the embedded Redis.";

    /** Checks the URL and works out what may be shown of it; a problem lists everything that is wrong. */
    static ExternalRedis of(String url) {
        try {
            return new ExternalRedis(url.trim(), RedisAddress.parse(url));
        } catch (IllegalArgumentException e) {
            // The parser's message never repeats the password.
            throw new StartupProblem("REDIS_URL (dispute.redis.url) cannot be used: " + e.getMessage(), FIX);
        }
    }

    /** Which kind of Redis and where, without user or password. */
    String location() {
        return address.location();
    }

    @Override
    public Map<String, Object> publicDetails() {
        return Map.of("server", "external (REDIS_URL)", "location", location());
    }

    @Override
    public String toString() {
        // Records print every component; this one must not print the URL's password.
        return "ExternalRedis[" + location() + "]";
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
