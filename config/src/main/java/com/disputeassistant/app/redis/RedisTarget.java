package com.disputeassistant.app.redis;

import com.disputeassistant.store.RedisAddress;
import java.util.Map;

/**
 * The Redis server the application talks to. Closing it stops the server if the application started
 * it, and does nothing to a server it merely uses.
 */
sealed interface RedisTarget extends AutoCloseable permits ExternalRedis, EmbeddedRedis {

    /** The URL to connect to, credentials included: for the client only, never for logs or health. */
    String url();

    /** What {@link #url} names: a single server, a Sentinel group or a Cluster. */
    default RedisAddress address() {
        return RedisAddress.parse(url());
    }

    /** What may be shown in logs and the health endpoint: which kind of Redis, where; never a password. */
    Map<String, Object> publicDetails();

    @Override
    void close();
}
