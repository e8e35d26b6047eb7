package com.disputeassistant.app.redis;

import com.disputeassistant.store.RedisOutage;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code redis} in {@code /actuator/health}: UP when Redis answers PING and takes a small write (a Redis
 * out of memory with {@code noeviction}, or a read-only replica, answers PING but can store no turn), with
 * which server it is (embedded or external, where) and never its password.
 */
final class RedisHealthIndicator implements HealthIndicator {
    private final UnifiedJedis redis;
    private final RedisTarget target;
    private final RedisOutage outage;

    RedisHealthIndicator(UnifiedJedis redis, RedisTarget target, RedisOutage outage) {
        this.redis = redis;
        this.target = target;
        this.outage = outage;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            String answer = redis.ping();
            if ("PONG".equalsIgnoreCase(answer)) {
                outage.probe();
                health = Health.up();
            } else {
                health = Health.down().withDetail("ping", answer);
            }
        } catch (RuntimeException e) {
            // Jedis' messages name host and port, not credentials; Health.down(e) would add the class too.
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return health.withDetails(target.publicDetails()).build();
    }
}
