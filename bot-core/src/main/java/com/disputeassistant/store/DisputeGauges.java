package com.disputeassistant.store;

import com.disputeassistant.dispute.Step;
import com.disputeassistant.metrics.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gauges about all disputes: open disputes by step, the mediators' queue and the age of its oldest
 * hand-off, claimed disputes past their deadline, and timers due but not yet fired with how late the most
 * overdue one is. All come from one {@link DisputeStore#counts} reading, cached for {@code maxAge}.
 */
public final class DisputeGauges {
    /** How old a reading may be before a scrape reads Redis again. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);

    private static final DisputeCounts NOTHING_YET =
            new DisputeCounts(Map.of(), 0, Optional.empty(), 0, 0, Optional.empty());

    private final CachedReading<DisputeCounts> counts;
    private final Clock clock;

    private DisputeGauges(DisputeStore store, Clock clock, Duration maxAge) {
        this.clock = clock;
        this.counts = new CachedReading<>("the dispute counts", () -> store.counts(clock.instant()), NOTHING_YET,
                maxAge, clock);
    }

    /** Registers the gauges; they read the store when scraped, at most once per {@code maxAge}. */
    public static DisputeGauges register(MeterRegistry registry, DisputeStore store, Clock clock, Duration maxAge) {
        DisputeGauges gauges = new DisputeGauges(store, clock, maxAge);
        for (Step step : Step.values()) {
            if (step != Step.CLOSED) {
                Gauge.builder("dispute.open", gauges, g -> g.counts.get().openByStep().getOrDefault(step, 0L))
                        .description("Open disputes at this step").tag("step", step.name().toLowerCase(Locale.ROOT))
                        .strongReference(true).register(registry);
            }
        }
        Gauge.builder("dispute.handoffs.waiting", gauges, g -> g.counts.get().handoffsWaiting())
                .description("Disputes handed to a mediator that no mediator has claimed yet").strongReference(true).register(registry);
        Gauge.builder("dispute.handoffs.oldest.age", gauges,
                        g -> CachedReading.secondsSince(g.counts.get().oldestHandoff(), g.clock))
                .description("How long the longest-waiting unclaimed hand-off has waited").baseUnit("seconds")
                .strongReference(true).register(registry);
        Gauge.builder("dispute.mediation.overdue", gauges, g -> g.counts.get().claimedOverdue())
                .description("Claimed disputes whose mediator let the deadline pass").strongReference(true).register(registry);
        Gauge.builder("dispute.timers.due", gauges, g -> g.counts.get().timersDue())
                .description("Deadlines and reminders due that no instance has fired yet").strongReference(true).register(registry);
        Gauge.builder("dispute.timers.lateness", gauges,
                        g -> CachedReading.secondsSince(g.counts.get().oldestDueTimer(), g.clock))
                .description("How late the most overdue timer not yet fired is").baseUnit("seconds")
                .strongReference(true).register(registry);
        return gauges;
    }
}
