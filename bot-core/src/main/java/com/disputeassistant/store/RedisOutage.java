package com.disputeassistant.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis trouble, as every endpoint answers it: a request that failed because Redis is away, out of memory
 * or read-only is Redis' trouble, not a fault of ours nor of the caller, and is answered 503 with
 * {@code Retry-After} (the caller's delivery id makes the retry safe).
 *
 * <p>Logged once per outage: a warning with the first failure, nothing for the failures after it, and one
 * line when Redis takes writes again, which this finds out itself by writing a small probe key every
 * {@code probeEvery} while the outage lasts. {@link #probeRecently} is the same write, for the health check: a
 * Redis that answers PING but refuses writes is of no use to the app.
 */
public final class RedisOutage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);
    /** Errors with which a Redis server refuses a command while it is in trouble (see Redis' error prefixes). */
    private static final String[] TROUBLE = {"OOM", "READONLY", "LOADING", "MASTERDOWN", "BUSY", "NOREPLICAS",
            "MISCONF", "TRYAGAIN", "CLUSTERDOWN", "NOSCRIPT_BUSY"};

    /** Returns a list, as every store script does ({@link Scripts#run}). */
    private static final Scripts PROBE = Scripts.of("redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return {1}");
    private static final Duration PROBE_TTL = Duration.ofMinutes(1);
    static final long RECENT_MILLIS = 1_500;

    private final UnifiedJedis redis;
    private final String probeKey;
    private final Duration probeEvery;
    private final Clock clock;
    /** When the ongoing outage started, or null when there is none. */
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile Thread watcher;
    private volatile boolean closed;
    private Instant lastProbe;
    private RuntimeException lastFailure;

    public RedisOutage(UnifiedJedis redis, String keyPrefix, Duration probeEvery, Clock clock) {
        this.redis = redis;
        this.probeKey = keyPrefix + "health:write-probe";
        this.probeEvery = probeEvery;
        this.clock = clock;
    }

    /** Whether this failure, or one of its causes, is Redis' trouble rather than a fault of ours. */
    public static boolean isCause(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof JedisConnectionException) {
                return true;
            }
            if (e instanceof JedisDataException && e.getMessage() != null) {
                String message = e.getMessage().toUpperCase(Locale.ROOT);
                for (String prefix : TROUBLE) {
                    if (message.startsWith(prefix)) {
                        return true;
                    }
                }
                // The same refusals met inside one of our Lua scripts come wrapped in the script's error.
                if (message.contains("OOM COMMAND NOT ALLOWED") || message.contains("READONLY YOU CAN'T WRITE")) {
                    return true;
                }
            }
            // The pool found no connection in time: Redis is too slow to answer or away.
            if (e instanceof JedisException && e.getMessage() != null
                    && e.getMessage().startsWith("Could not get a resource")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request failed for Redis' trouble: the first failure of an outage is logged, with why (no stack
     * trace, it is no fault of ours), and starts watching for its end.
     */
    public void failed(Throwable failure) {
        forgetProbe();
        refused.incrementAndGet();
        if (since.compareAndSet(null, clock.instant())) {
            log.warn("Redis is in trouble, every request that needs it is answered 503 until it takes writes "
                    + "again: {}", rootMessage(failure));
            startWatching();
        }
    }

    /** Whether an outage is going on (a request failed and Redis has not taken a write since). */
    public boolean ongoing() {
        return since.get() != null;
    }

    /**
     * Writes the probe key (it expires by itself) the way a turn is committed: a Lua script by its SHA-1, so
     * whatever keeps a commit from being acknowledged fails the probe too (away, out of memory with
     * {@code noeviction}, a read-only replica, scripts refused, too few replicas for the configured wait).
     * Throws what Redis answered.
     */
    public void probe() {
        PROBE.run(redis, List.of(probeKey), List.of(clock.instant().toString(), Long.toString(PROBE_TTL.toMillis())));
    }

    /**
     * {@link #probe}, at most once per {@value #RECENT_MILLIS} ms: the health check is asked by every load
     * balancer and compose healthcheck, and this keeps it cheap. Throws the last probe's failure again.
     */
    public synchronized void probeRecently() {
        if (lastProbe != null && Duration.between(lastProbe, clock.instant()).toMillis() < RECENT_MILLIS) {
            if (lastFailure != null) {
                throw lastFailure;
            }
            return;
        }
        try {
            probe();
            remember(null);
        } catch (RuntimeException e) {
            remember(e);
            throw e;
        }
    }

    /** What the last probe found (null: it succeeded), for {@link #probeRecently}. */
    private synchronized void remember(RuntimeException failure) {
        lastProbe = clock.instant();
        lastFailure = failure;
    }

    /** A request just failed: the next health check probes at once rather than say UP from before. */
    private synchronized void forgetProbe() {
        lastProbe = null;
        lastFailure = null;
    }

    private synchronized void startWatching() {
        if (closed || (watcher != null && watcher.isAlive())) {
            return;
        }
        Thread thread = new Thread(this::watch, "redis-outage-watch");
        thread.setDaemon(true);
        thread.start();
        watcher = thread;
    }

    private void watch() {
        while (!closed && since.get() != null) {
            try {
                Thread.sleep(probeEvery.toMillis());
                probe();
                // Ready again at once, not only when the health check's cached failure runs out.
                remember(null);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                continue;
            }
            Instant started = since.getAndSet(null);
            if (started != null) {
                log.info("Redis takes writes again, after {} s; {} requests were answered 503 meanwhile",
                        Duration.between(started, clock.instant()).toSeconds(), refused.getAndSet(0));
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
    }
}
