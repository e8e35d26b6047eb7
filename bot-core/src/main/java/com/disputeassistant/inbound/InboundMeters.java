package com.disputeassistant.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;

/**
 * The meters the channels' own entry points keep, named once here so that every channel counts alike:
 * requests refused as forged ({@code dispute.inbound.refused}), updates received
 * ({@code dispute.inbound.updates}, by channel and how they came: poll, webhook, socket) and how long
 * keeping a request before its ack took ({@code dispute.inbound.ack}).
 */
public final class InboundMeters {
    private InboundMeters() {
    }

    /** A registry that keeps nothing, for an entry point built without one (tests, benchmarks). */
    public static MeterRegistry none() {
        return new CompositeMeterRegistry();
    }

    /** Requests refused because they could not be from the platform (bad or missing signature or secret). */
    public static Counter refused(MeterRegistry registry, String channel) {
        return Counter.builder("dispute.inbound.refused")
                .description("Requests refused as not from the platform: bad or missing signature, secret or timestamp")
                .tag("channel", channel).register(registry);
    }

    /** Updates a channel received, by how they came ({@code poll}, {@code webhook}, {@code http}, {@code socket}). */
    public static Counter updates(MeterRegistry registry, String channel, String via) {
        return Counter.builder("dispute.inbound.updates")
                .description("Updates and requests received from the platform, by how they came")
                .tag("channel", channel).tag("via", via).register(registry);
    }

    /** How long a request took to be kept durably before the platform was answered, by result (acked, not_acked). */
    public static Timer ack(MeterRegistry registry, String channel, String result) {
        return Timer.builder("dispute.inbound.ack")
                .description("Time from a request's arrival to its ack, which waits until the request is kept in Redis")
                .tag("channel", channel).tag("result", result)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(3))
                .register(registry);
    }
}
