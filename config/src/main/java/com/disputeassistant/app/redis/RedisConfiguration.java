package com.disputeassistant.app.redis;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.store.CommitEvents;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisIdentityLinks;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.store.RedisOutage;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis for the whole application: the server named by {@code REDIS_URL}, or an embedded one; one
 * client shared by everything that talks to Redis; the dispute store on top of it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisSettings.class)
class RedisConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    /** Closed after the client (which depends on it), so the embedded server outlives every connection. */
    @Bean(destroyMethod = "close")
    RedisTarget redisTarget(RedisSettings settings) {
        if (settings.usesExternalServer()) {
            ExternalRedis external = ExternalRedis.of(settings.url());
            log.info("Using the Redis server at {} (REDIS_URL); no embedded Redis is started", external.location());
            return external;
        }
        EmbeddedRedis embedded = EmbeddedRedis.start(settings.embedded().dataDir(), settings.embedded().port());
        log.info("REDIS_URL is not set: started an embedded Redis on {} with its data in {} "
                + "(append-only, fsync on every write). Set REDIS_URL to use your own Redis server.",
                embedded.url(), embedded.dataDir());
        return embedded;
    }

    @Bean(destroyMethod = "close")
    RedisClient redisClient(RedisTarget target) {
        return RedisConnections.connect(target.url());
    }

    @Bean
    DisputeStore disputeStore(UnifiedJedis redis, RedisSettings settings, Clock clock, ObjectProvider<CommitEvents> events) {
        // The outcome webhooks' events, when the application has them (WebhookConfiguration).
        return new RedisDisputeStore(redis, settings.keyPrefix(), clock, events.getIfAvailable(() -> CommitEvents.NONE));
    }

    @Bean
    IdentityLinks identityLinks(UnifiedJedis redis, RedisSettings settings, Clock clock) {
        return new RedisIdentityLinks(redis, settings.keyPrefix(), clock);
    }

    /** Shared by the chat channels that send buttons (Slack, Telegram). */
    @Bean
    ButtonRegistry buttonRegistry(UnifiedJedis redis, RedisSettings settings) {
        return new ButtonRegistry(redis, settings.keyPrefix());
    }

    /** Redis trouble as every endpoint answers and logs it; watches for the end of an outage every second. */
    @Bean(destroyMethod = "close")
    RedisOutage redisOutage(UnifiedJedis redis, RedisSettings settings, Clock clock) {
        return new RedisOutage(redis, settings.keyPrefix(), Duration.ofSeconds(1), clock);
    }

    @Bean
    RedisHealthIndicator redisHealthIndicator(UnifiedJedis redis, RedisTarget target, RedisOutage outage) {
        return new RedisHealthIndicator(redis, target, outage);
    }
}
