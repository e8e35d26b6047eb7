package com.disputeassistant.app.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code redis} in {@code /actuator/health}: UP when Redis answers PING, with which server it is
 * (embedded or external, where) and never its password.
 */
final class RedisHealthIndicator implements HealthIndicator {
    private final UnifiedJedis redis;
    private final RedisTarget target;

    RedisHealthIndicator(UnifiedJedis redis, RedisTarget target) {
        this.redis = redis;
        this.target = target;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            String answer = redis.ping();
            health = "PONG".equalsIgnoreCase(answer) ? Health.up() : Health.down().withDetail("ping", answer);
        } catch (RuntimeException e) {
            // Jedis' messages name host and port, not credentials; Health.down(e) would add the class too.
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return health.withDetails(target.publicDetails()).build();
    }
}
