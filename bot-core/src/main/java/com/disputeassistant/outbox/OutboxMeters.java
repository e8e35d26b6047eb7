package com.disputeassistant.outbox;

import com.disputeassistant.metrics.CachedReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * One outbox's meters, tagged with its channel: {@code dispute.outbox.sends} by result (sent, retried,
 * dead), {@code dispute.outbox.rate.limited} (429s) and {@code dispute.outbox.dead.letters}, counted by
 * this instance's sender; {@code dispute.outbox.waiting} and {@code dispute.outbox.oldest.age} read the
 * stream (for all instances) at most once per {@link #BACKLOG_MAX_AGE}.
 * Gauges hold their reading strongly: Micrometer would otherwise let it be collected and show NaN.
 */
final class OutboxMeters {
    static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(5);

    final Counter sent;
    final Counter retried;
    final Counter dead;
    final Counter rateLimited;
    final Counter deadLetters;

    OutboxMeters(MeterRegistry registry, Outbox outbox, Clock clock) {
        String channel = outbox.channel();
        sent = sends(registry, channel, "sent");
        retried = sends(registry, channel, "retried");
        dead = sends(registry, channel, "dead");
        rateLimited = Counter.builder("dispute.outbox.rate.limited")
                .description("Sends the platform refused with 429 (too many requests), each waited out")
                .tag("channel", channel).register(registry);
        deadLetters = Counter.builder("dispute.outbox.dead.letters")
                .description("Messages given up on and kept in the outbox's dead letters")
                .tag("channel", channel).register(registry);
        CachedReading<Outbox.Backlog> backlog = new CachedReading<>("the outbox of " + channel, outbox::backlog,
                Outbox.Backlog.NONE, BACKLOG_MAX_AGE, clock);
        Gauge.builder("dispute.outbox.waiting", backlog, b -> b.get().waiting())
                .description("Messages waiting in the outbox, including those a sender holds for a retry")
                .tag("channel", channel).strongReference(true).register(registry);
        Gauge.builder("dispute.outbox.oldest.age", backlog, b -> CachedReading.secondsSince(b.get().oldestSince(), clock))
                .description("How long the oldest message in the outbox has waited").baseUnit("seconds")
                .tag("channel", channel).strongReference(true).register(registry);
    }

    private static Counter sends(MeterRegistry registry, String channel, String result) {
        return Counter.builder("dispute.outbox.sends")
                .description("Send attempts: sent, retried later (429, 5xx, network) or dead (given up)")
                .tag("channel", channel).tag("result", result).register(registry);
    }
}
