package com.disputeassistant.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/**
 * A real Redis for this module's tests: the one at {@code REDIS_URL} when set, else an embedded Redis
 * on a free loopback port, started once per test JVM and stopped when it exits. Every test takes its
 * own key prefix, so tests never see each other's keys and a shared server is never flushed.
 *
 * <p>Stand-in until bot-core's test-jar offers {@code RedisTestSupport}; then this should go.
 */
final class TestRedis {
    private static URI uri;

    private TestRedis() {
    }

    /** A new client; the caller closes it. */
    static UnifiedJedis client() {
        return RedisClient.create(uri());
    }

    /** A key prefix no other test uses. */
    static String uniquePrefix() {
        return "test:" + UUID.randomUUID() + ":";
    }

    static synchronized URI uri() {
        if (uri == null) {
            String configured = System.getenv("REDIS_URL");
            uri = configured != null && !configured.isBlank() ? URI.create(configured) : startEmbedded();
        }
        return uri;
    }

    private static URI startEmbedded() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    // the JVM is exiting; the process dies with it
                }
            }));
            return URI.create("redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded Redis", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
