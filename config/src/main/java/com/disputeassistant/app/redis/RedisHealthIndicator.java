package com.disputeassistant.app.redis;

import com.disputeassistant.store.RedisOutage;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code redis} in {@code /actuator/health} and readiness: UP when a turn could be committed now, which a
 * small write through the same script mechanism as the commits shows (see {@link RedisOutage#probeRecently}:
 * a Redis that answers PING but is out of memory, a read-only replica after a failover, refuses scripts or
 * lacks the replicas the commits wait for is DOWN), with which Redis it is (embedded or external, where) and
 * never its password.
 */
final class RedisHealthIndicator implements HealthIndicator {
    private final RedisTarget target;
    private final RedisOutage outage;

    RedisHealthIndicator(RedisTarget target, RedisOutage outage) {
        this.target = target;
        this.outage = outage;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            outage.probeRecently();
            health = Health.up();
        } catch (RuntimeException e) {
            // Jedis' messages name host and port, not credentials; Health.down(e) would add the class too.
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return health.withDetails(target.publicDetails()).build();
    }
}
