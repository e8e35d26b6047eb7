package com.disputeassistant.store;

import java.net.URI;
import java.net.URISyntaxException;
import redis.clients.jedis.RedisClient;

/**
 * Opens the app's connection pool to Redis from one URL, the form every Redis host hands out:
 * {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for TLS. The port
 * defaults to 6379 and the database to 0.
 */
public final class RedisConnections {
    static final int DEFAULT_PORT = 6379;
    private static final String EXAMPLE = "redis://localhost:6379/0 or rediss://user:password@host:6380";

    private RedisConnections() {
    }

    /**
     * A pooled client for the URL; it connects on first use. The caller closes it when the app stops.
     *
     * @throws IllegalArgumentException when the URL is not a redis:// or rediss:// URL with a host, saying why
     */
    public static RedisClient connect(String redisUrl) {
        return RedisClient.create(parse(redisUrl));
    }

    /** The URL checked and completed with the default port; the password never appears in a message. */
    static URI parse(String redisUrl) {
        if (redisUrl == null || redisUrl.isBlank()) {
            throw new IllegalArgumentException("no Redis URL: set one like " + EXAMPLE);
        }
        URI uri;
        try {
            uri = new URI(redisUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the Redis URL is not a valid URL (" + e.getReason()
                    + "); write it like " + EXAMPLE + ", with special characters in the password %-encoded");
        }
        String scheme = uri.getScheme();
        if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss:// (TLS), not "
                    + (scheme == null ? "nothing" : scheme + "://") + "; for example " + EXAMPLE);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the Redis URL names no host; write it like " + EXAMPLE);
        }
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/") && !path.matches("/\\d{1,5}")) {
            throw new IllegalArgumentException("the Redis URL's path must be a database number like /0, not "
                    + path + "; for example " + EXAMPLE);
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.contains(":")) {
            throw new IllegalArgumentException("the Redis URL has a user but no password: write user:password@"
                    + " (or :password@ for the default user)");
        }
        if (uri.getPort() != -1) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                    uri.getHost(), DEFAULT_PORT, uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the Redis URL cannot take the default port; add one like :6379");
        }
    }
}
