package com.disputeassistant.timers;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.store.DisputeStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Fires the disputes' due timers: a step's deadline passing, or a reminder before it. Nobody has to
 * chase anybody (C1): the outcome or the reminder reaches the people concerned on their own channels.
 *
 * <p>The timers live in Redis ({@link DisputeStore#claimDueTimers}), so they survive restarts, and
 * timers that fell due while every instance was down fire at the first poll after a start. Each poll
 * claims due timers atomically for a lease, so with several instances each timer is fired by one of
 * them; should two ever fire the same one (a lease that ran out on a slow instance), the engine's
 * version-checked turn applies it once and the second finds nothing due.
 */
public final class DeadlineTimers implements AutoCloseable {
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(DeadlineTimers.class);

    private final DisputeStore store;
    private final ConversationEngine engine;
    private final Delivery delivery;
    private final Clock clock;
    private final Duration pollEvery;
    private ScheduledExecutorService poller;
    private final Counter fired;
    private final Counter failed;

    private static Counter firedCounter(MeterRegistry meters, String result) {
        return Counter.builder("dispute.timers.fired")
                .description("Deadlines and reminders fired by this instance, and those that failed (fired again later)")
                .tag("result", result).register(meters);
    }

    public DeadlineTimers(DisputeStore store, ConversationEngine engine, Delivery delivery, Clock clock,
                          Duration pollEvery) {
        this(store, engine, delivery, clock, pollEvery, new CompositeMeterRegistry());
    }

    /** Counting the timers fired and failed in {@code meters} ({@code dispute.timers.fired}, by result). */
    public DeadlineTimers(DisputeStore store, ConversationEngine engine, Delivery delivery, Clock clock,
                          Duration pollEvery, MeterRegistry meters) {
        this.fired = firedCounter(meters, "fired");
        this.failed = firedCounter(meters, "failed");
        this.store = Objects.requireNonNull(store, "store");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollEvery = Objects.requireNonNull(pollEvery, "pollEvery");
        if (pollEvery.isZero() || pollEvery.isNegative()) {
            throw new IllegalArgumentException("the timers' poll interval must be positive");
        }
    }

    /** Polls now, then every {@code pollEvery}, on a thread of its own. */
    public synchronized void start() {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "deadline-timers");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fires every timer due now; returns how many fired. */
    public int fireDue() {
        int fired = 0;
        List<DisputeId> due;
        do {
            due = store.claimDueTimers(clock.instant(), LEASE, BATCH);
            for (DisputeId id : due) {
                MDC.put(ConversationEngine.LOG_DISPUTE, id.value());
                try {
                    // The timer's messages are queued by its own commit, rendered by delivery.
                    engine.timerFired(id, delivery);
                    fired++;
                    this.fired.increment();
                } catch (RuntimeException e) {
                    // The claim's lease runs out and the timer fires again: nothing is lost, so carry on.
                    log.warn("Timer of dispute {} failed; it fires again in {}", id, LEASE, e);
                    failed.increment();
                } finally {
                    MDC.remove(ConversationEngine.LOG_DISPUTE);
                }
            }
        } while (due.size() == BATCH);
        return fired;
    }

    private void pollQuietly() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            // Redis unreachable, most likely: an exception would end the schedule, so log and poll again.
            log.warn("Polling the dispute timers failed: {}; polling again in {}", e.toString(), pollEvery);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }
}
