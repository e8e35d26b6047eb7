package com.disputeassistant.app.redis;

import com.disputeassistant.store.ReplicaWait;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dispute.redis.*}; documented in {@code application.yml}.
 *
 * @param url                 the Redis to use ({@code REDIS_URL}): a server, a Sentinel group or a Cluster; blank
 *                            means "run an embedded one"
 * @param keyPrefix           prefix of every key the app writes
 * @param waitReplicas        replicas that must have a turn's writes before it is acknowledged; 0: no wait
 * @param waitTimeout         how long a turn waits for them
 * @param experimentalCluster start with a Redis Cluster although the commit scripts are not single-slot yet
 * @param embedded            where and how the embedded Redis runs when {@code url} is blank
 */
@ConfigurationProperties("dispute.redis")
record RedisSettings(String url, @DefaultValue("da:") String keyPrefix, @DefaultValue("0") int waitReplicas,
                     @DefaultValue("1s") Duration waitTimeout, @DefaultValue("false") boolean experimentalCluster,
                     @DefaultValue Embedded embedded) {

    RedisSettings {
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException(
                    "dispute.redis.key-prefix must not be blank: keys of several apps would mix; use e.g. da:");
        }
        try {
            new ReplicaWait(waitReplicas, waitTimeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dispute.redis.wait-replicas and wait-timeout: " + e.getMessage(), e);
        }
    }

    boolean usesExternalServer() {
        return url != null && !url.isBlank();
    }

    ReplicaWait replicaWait() {
        return new ReplicaWait(waitReplicas, waitTimeout);
    }

    /**
     * @param enabled whether the app may start an embedded Redis when {@code url} is blank; false: it refuses
     *                to start without {@code REDIS_URL}
     * @param dataDir where the embedded Redis keeps its append-only file
     * @param port    port on 127.0.0.1; 0 picks a free one
     */
    record Embedded(@DefaultValue("true") boolean enabled, @DefaultValue("./data") Path dataDir,
                    @DefaultValue("0") int port) {
        Embedded {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("dispute.redis.embedded.port must be 0 (pick a free port) or 1-65535, not "
                        + port);
            }
        }
    }
}
