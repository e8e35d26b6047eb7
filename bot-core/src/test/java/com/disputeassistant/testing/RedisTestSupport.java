package com.disputeassistant.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.embedded.RedisServer;

/**
 * The Redis that tests talk to: {@code REDIS_URL} when it is set, else one embedded Redis for the whole
 * JVM on a free loopback port (never 6379, which a developer's own Redis may hold), stopped when the JVM
 * exits. Tests share it and keep apart by key prefix ({@link #uniquePrefix()}), so nothing ever needs
 * FLUSHALL, which would wipe a developer's own data behind {@code REDIS_URL}; a test removes its own keys
 * with {@link #deleteKeys}.
 */
public final class RedisTestSupport {
    private static final int START_ATTEMPTS = 3;
    private static final Pattern TEST_PREFIX = Pattern.compile("test:[0-9a-f]{32}:");
    private static String embeddedUrl;

    private RedisTestSupport() {
    }

    public static synchronized String redisUrl() {
        String configured = System.getenv("REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (embeddedUrl == null) {
            embeddedUrl = startEmbedded();
        }
        return embeddedUrl;
    }

    /** A key prefix no other test (or earlier run) uses, e.g. {@code test:3f9c...:}. */
    public static String uniquePrefix() {
        return "test:" + UUID.randomUUID().toString().replace("-", "") + ":";
    }

    /**
     * Deletes every key under a prefix from {@link #uniquePrefix()}, so a shared Redis keeps no test data.
     * Any other prefix is refused: it could name someone's real data.
     */
    public static void deleteKeys(UnifiedJedis redis, String testPrefix) {
        if (testPrefix == null || !TEST_PREFIX.matcher(testPrefix).matches()) {
            throw new IllegalArgumentException("only prefixes from uniquePrefix() are deleted, not " + testPrefix);
        }
        ScanParams match = new ScanParams().match(testPrefix + "*").count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                redis.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private static String startEmbedded() {
        IOException lastFailure = null;
        // The free port can be taken between probing and starting Redis: try a fresh one then.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            try {
                RedisServer server = RedisServer.newRedisServer()
                        .bind("127.0.0.1")
                        .port(port)
                        // No dump.rdb or appendonly files in the working directory.
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "embedded-redis-stop"));
                return "redis://127.0.0.1:" + port;
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw new UncheckedIOException("could not start an embedded Redis; set REDIS_URL to use another one",
                lastFailure);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for an embedded Redis", e);
        }
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            // The JVM is exiting; the process dies with it at the latest.
        }
    }
}
