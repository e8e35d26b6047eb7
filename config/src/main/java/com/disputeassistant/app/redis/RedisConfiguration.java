package com.disputeassistant.app.redis;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.store.CommitEvents;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisIdentityLinks;
import com.disputeassistant.store.RedisAddress;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.store.RedisOutage;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis for the whole application: the server, Sentinel group or Cluster named by {@code REDIS_URL}, or an
 * embedded one (never silently where instances must share one); one client shared by everything that talks to
 * Redis; the dispute store on top of it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisSettings.class)
class RedisConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    /** Closed after the client (which depends on it), so the embedded server outlives every connection. */
    @Bean(destroyMethod = "close")
    RedisTarget redisTarget(RedisSettings settings, @Value("${dispute.instances:1}") int instances) {
        if (instances < 1) {
            throw new StartupProblem("dispute.instances is " + instances + ", but it counts the app instances that "
                    + "share one Redis.", "Set DISPUTE_INSTANCES to 1 for one instance, or to how many you run.");
        }
        if (settings.usesExternalServer()) {
            ExternalRedis external = ExternalRedis.of(settings.url());
            refuseClusterUntilScriptsAreSingleSlot(external.address(), settings);
            log.info("Using the Redis at {} (REDIS_URL); no embedded Redis is started", external.location());
            return external;
        }
        if (instances > 1) {
            throw new StartupProblem("dispute.instances is " + instances + ", but REDIS_URL is not set: each instance "
                    + "would start a private embedded Redis, and none would see the disputes of the others.",
                    "Set REDIS_URL on every instance to the Redis they share, or DISPUTE_INSTANCES=1 for a single one.");
        }
        if (!settings.embedded().enabled()) {
            throw new StartupProblem("The embedded Redis is turned off (dispute.redis.embedded.enabled=false), and "
                    + "REDIS_URL is not set: there is no Redis to keep disputes in.", ExternalRedis.FIX
                    .replace(", or unset it to run the embedded Redis.", "; or turn the embedded Redis on again."));
        }
        if (settings.waitReplicas() > 0) {
            throw new StartupProblem("dispute.redis.wait-replicas is " + settings.waitReplicas() + ", but the embedded "
                    + "Redis has no replicas: no turn could be acknowledged.",
                    "Set REDIS_URL to a Redis with replicas (e.g. redis-sentinel://...), or DISPUTE_REDIS_WAITREPLICAS=0.");
        }
        EmbeddedRedis embedded = EmbeddedRedis.start(settings.embedded().dataDir(), settings.embedded().port());
        log.info("REDIS_URL is not set: started an embedded Redis on {} with its data in {} "
                + "(append-only, fsync on every write). Set REDIS_URL to use your own Redis server.",
                embedded.url(), embedded.dataDir());
        return embedded;
    }

    /**
     * A commit's script touches keys in about ten hash slots, which a Cluster refuses (CROSSSLOT): an app
     * that started would fail turn after turn. The client for a Cluster is ready for when the scripts are split.
     */
    private static void refuseClusterUntilScriptsAreSingleSlot(RedisAddress address, RedisSettings settings) {
        if (!(address instanceof RedisAddress.Cluster)) {
            return;
        }
        if (!settings.experimentalCluster()) {
            throw new StartupProblem("REDIS_URL names a Redis Cluster, which this version cannot use yet: the script "
                    + "that commits a turn touches keys in several hash slots, and a Cluster refuses that (CROSSSLOT). "
                    + "Redis Cluster needs the single-slot scripts (issue 16's remaining part).",
                    "Use a single Redis server (redis://) or Redis Sentinel (redis-sentinel://h1:26379,h2:26379/mymaster)."
                    + " Only to test the connection, dispute.redis.experimental-cluster=true starts anyway.");
        }
        if (settings.waitReplicas() > 0) {
            throw new StartupProblem("dispute.redis.wait-replicas is " + settings.waitReplicas() + ", which a Redis "
                    + "Cluster does not support yet.", "Set DISPUTE_REDIS_WAITREPLICAS=0 with a Redis Cluster.");
        }
        log.warn("Starting with a Redis Cluster because dispute.redis.experimental-cluster is true: turns whose "
                + "keys span several slots fail (CROSSSLOT). For tests only.");
    }

    @Bean(destroyMethod = "close")
    UnifiedJedis redisClient(RedisTarget target, RedisSettings settings) {
        return RedisConnections.open(target.address(), settings.replicaWait());
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
    RedisHealthIndicator redisHealthIndicator(RedisTarget target, RedisOutage outage) {
        return new RedisHealthIndicator(target, outage);
    }
}
