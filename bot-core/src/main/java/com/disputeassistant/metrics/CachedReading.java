package com.disputeassistant.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from Redis for gauges, read again only once it is older than {@code maxAge}: however many
 * gauges show parts of it and however often Prometheus scrapes, each instance reads it at most once per
 * {@code maxAge}. When a reading fails (Redis away), the last good value stays, and the failure is logged
 * once per failed reading; before any good reading, {@code initial}.
 *
 * @param <T> what is read
 */
public final class CachedReading<T> {
    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String what;
    private final Supplier<T> read;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant readAt = Instant.MIN;

    /**
     * @param what    what is read, for the log line when a reading fails
     * @param initial the value until the first reading succeeds
     */
    public CachedReading(String what, Supplier<T> read, T initial, Duration maxAge, Clock clock) {
        this.what = Objects.requireNonNull(what, "what");
        this.read = Objects.requireNonNull(read, "read");
        this.value = Objects.requireNonNull(initial, "initial");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The value, read again first if the last reading is older than the maximum age. */
    public synchronized T get() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(maxAge) >= 0) {
            // Counted as read even if it fails, so that Redis being away is not asked again on every scrape.
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                log.warn("Reading {} for the metrics failed: {}; showing the last reading", what, e.toString());
            }
        }
        return value;
    }

    /** Seconds from a moment until now, 0 without one: for "age of the oldest" gauges. */
    public static double secondsSince(Optional<Instant> since, Clock clock) {
        return since.map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
    }
}
