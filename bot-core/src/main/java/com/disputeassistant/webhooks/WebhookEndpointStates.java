package com.disputeassistant.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Which endpoints are disabled, and why, in Redis ({@code P webhooks:disabled}, a hash of endpoint name to
 * reason), so that every instance stops sending to an endpoint that answered 410 Gone, and a resend
 * enables it again.
 */
public final class WebhookEndpointStates {
    private final UnifiedJedis redis;
    private final String key;

    public WebhookEndpointStates(UnifiedJedis redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = Objects.requireNonNull(keyPrefix, "keyPrefix") + "webhooks:disabled";
    }

    /** Why the endpoint is disabled, if it is. */
    public Optional<String> disabled(String endpoint) {
        return Optional.ofNullable(redis.hget(key, endpoint));
    }

    public Map<String, String> allDisabled() {
        return redis.hgetAll(key);
    }

    void disable(String endpoint, String why, Instant at) {
        redis.hset(key, endpoint, why + " at " + at);
    }

    public void enable(String endpoint) {
        redis.hdel(key, endpoint);
    }
}
