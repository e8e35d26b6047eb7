package com.disputeassistant.web.console;

import java.time.Duration;
import java.util.Locale;
import redis.clients.jedis.UnifiedJedis;

/**
 * Failed sign-ins per username, in Redis so that every instance counts the same: after {@code max} in a
 * row the username is locked for {@code lockout} (a correct password included, so guessing learns
 * nothing), then counting starts again. Unknown usernames are counted the same way, so a lock does not
 * tell whether an account exists.
 *
 * <p>Key: {@code <prefix>console:failed:<username>}, expiring {@code lockout} after the last failure.
 */
final class LoginThrottle {
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return n
            """;

    private final UnifiedJedis redis;
    private final String keyPrefix;
    private final int max;
    private final Duration lockout;

    LoginThrottle(UnifiedJedis redis, String keyPrefix, int max, Duration lockout) {
        if (max < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("dispute.console.max-failed-logins must be at least 1 and "
                    + "dispute.console.lockout longer than 0, like 5 and 15m");
        }
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.max = max;
        this.lockout = lockout;
    }

    boolean isLocked(String username) {
        String count = redis.get(key(username));
        return count != null && Long.parseLong(count) >= max;
    }

    void failed(String username) {
        redis.eval(COUNT, java.util.List.of(key(username)), java.util.List.of(Long.toString(lockout.toMillis())));
    }

    void succeeded(String username) {
        redis.del(key(username));
    }

    Duration lockout() {
        return lockout;
    }

    private String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // Bounded: it is typed by anyone on the sign-in page.
        return keyPrefix + "console:failed:" + (name.length() > 64 ? name.substring(0, 64) : name);
    }
}
