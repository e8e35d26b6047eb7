package com.disputeassistant.app.redis;

import java.nio.file.Path;
import redis.clients.jedis.RedisClient;

/**
 * Run in a separate JVM by {@link EmbeddedRedisIT}: starts the embedded Redis like the application
 * does, writes one key, says so, and waits to be killed.
 */
final class EmbeddedRedisChild {
    static final String READY = "embedded-redis-child-ready";
    static final String KEY = "written-before-kill";
    static final String VALUE = "still here";

    private EmbeddedRedisChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedRedis redis = EmbeddedRedis.start(Path.of(args[0]), 0);
        try (RedisClient client = RedisClient.create(redis.url())) {
            client.set(KEY, VALUE);
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
