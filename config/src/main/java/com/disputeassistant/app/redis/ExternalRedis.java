package com.disputeassistant.app.redis;

import com.disputeassistant.app.StartupProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** A Redis server run by someone else, named by {@code REDIS_URL}; the application never stops it. */
record ExternalRedis(String url, String location) implements RedisTarget {

    private static final String FIX = "Set REDIS_URL to a Redis URL such as redis://localhost:6379, "
            + "rediss://user:password@host:6380/0 for TLS, or unset it to run the embedded Redis.";

    /** Checks the URL's shape and works out a location that is safe to show (no user, no password). */
    static ExternalRedis of(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            // The text may hold a password, so it is not repeated back.
            throw new StartupProblem("REDIS_URL (dispute.redis.url) is not a valid URL.", FIX);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("redis") && !scheme.equals("rediss") || uri.getHost() == null) {
            throw new StartupProblem("REDIS_URL (dispute.redis.url) must start with redis:// or rediss:// and name a host.",
                    FIX);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath();
        return new ExternalRedis(url.trim(), scheme + "://" + uri.getHost() + port + path);
    }

    @Override
    public Map<String, Object> publicDetails() {
        return Map.of("server", "external (REDIS_URL)", "location", location);
    }

    @Override
    public String toString() {
        // Records print every component; this one must not print the URL's password.
        return "ExternalRedis[" + location + "]";
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
