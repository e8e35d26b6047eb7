package com.disputeassistant.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The inbound path's meters: {@code dispute.turns} by channel and result, and {@code dispute.turn.duration}
 * (a histogram) by channel. Each channel's meters are looked up once and kept, so recording a message costs
 * a map lookup and two increments, with nothing allocated.
 */
final class TurnMeters {
    /** How an event ended. */
    enum Result {
        /** A dispute changed (or one was opened). */
        APPLIED,
        /** Answered without changing a dispute: a refusal, a spent button, a stranger, a question. */
        REFUSED,
        /** A redelivery of an event already handled. */
        DUPLICATE,
        /** The engine failed on every try, or Redis was away. */
        FAILED
    }

    private static final Result[] RESULTS = Result.values();

    private final MeterRegistry registry;
    private final Map<String, ChannelMeters> byChannel = new ConcurrentHashMap<>();
    private final Function<String, ChannelMeters> create = this::create;

    TurnMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts an event that ended without an engine turn. */
    void count(String channel, Result result) {
        byChannel.computeIfAbsent(channel, create).results[result.ordinal()].increment();
    }

    /** Counts an engine turn and records how long it took since {@code startNanos} ({@link System#nanoTime}). */
    void turn(String channel, Result result, long startNanos) {
        ChannelMeters meters = byChannel.computeIfAbsent(channel, create);
        meters.results[result.ordinal()].increment();
        meters.duration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private ChannelMeters create(String channel) {
        Counter[] results = new Counter[RESULTS.length];
        for (Result result : RESULTS) {
            results[result.ordinal()] = Counter.builder("dispute.turns")
                    .description("Events handed to the inbound path, by channel and how they ended")
                    .tag("channel", channel).tag("result", result.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Timer duration = Timer.builder("dispute.turn.duration")
                .description("How long an engine turn took, from the inbound path to the replies queued")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        return new ChannelMeters(results, duration);
    }

    private record ChannelMeters(Counter[] results, Timer duration) {
    }
}
