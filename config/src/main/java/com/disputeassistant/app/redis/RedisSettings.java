package com.disputeassistant.app.redis;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dispute.redis.*}; documented in {@code application.yml}.
 *
 * @param url       the Redis server to use ({@code REDIS_URL}); blank means "run an embedded one"
 * @param keyPrefix prefix of every key the app writes
 * @param embedded  where and how the embedded Redis runs when {@code url} is blank
 */
@ConfigurationProperties("dispute.redis")
record RedisSettings(String url, @DefaultValue("da:") String keyPrefix, @DefaultValue Embedded embedded) {

    RedisSettings {
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException(
                    "dispute.redis.key-prefix must not be blank: keys of several apps would mix; use e.g. da:");
        }
    }

    boolean usesExternalServer() {
        return url != null && !url.isBlank();
    }

    /**
     * @param dataDir where the embedded Redis keeps its append-only file
     * @param port    port on 127.0.0.1; 0 picks a free one
     */
    record Embedded(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int port) {
        Embedded {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("dispute.redis.embedded.port must be 0 (pick a free port) or 1-65535, not "
                        + port);
            }
        }
    }
}
