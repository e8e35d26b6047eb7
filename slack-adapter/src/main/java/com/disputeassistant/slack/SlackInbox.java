package com.disputeassistant.slack;

import com.disputeassistant.inbound.InboundMeters;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.SendFailure;
import com.disputeassistant.outbox.SendPacing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.JacksonException;

/**
 * The durable queue of Slack requests that were acked but are still to handle, built on the outbox
 * machinery: a request is put here before it is acked, handled from here, and removed only once it was
 * handled. Slack does not send an acked request again, so this is what keeps a first delivery when the
 * instance that acked it stops before handling it: another instance's worker (or this one's, restarted)
 * takes it over after {@link #TAKE_OVER_AFTER}.
 *
 * <p>One person's requests (keyed by Slack user id) are handled in the order they came, as far as one
 * instance handles them; handling may run twice after a take-over, which the engine's delivery ids make
 * harmless.
 *
 * <p>Redis keys are those of an {@link Outbox} named {@value #NAME}.
 */
final class SlackInbox {
    static final String NAME = "slack-inbound";
    /** Nothing to pace here (replies are paced by the outbox that sends them); a few retries of a failure. */
    private static final SendPacing PACING =
            new SendPacing(Duration.ZERO, 1000, 5, Duration.ofMillis(200), Duration.ofSeconds(30));
    /** As the outbox's own default longest handling: far above the few seconds the longest one takes. */
    static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(60);

    private final Outbox outbox;
    private final Counter received;
    private final Timer acked;
    private final Timer notAcked;

    SlackInbox(UnifiedJedis redis, String keyPrefix) {
        this(redis, keyPrefix, InboundMeters.none());
    }

    /** Timing each request's keeping (its ack waits for it) and counting the requests in {@code meters}. */
    SlackInbox(UnifiedJedis redis, String keyPrefix, MeterRegistry meters) {
        this.outbox = new Outbox(redis, keyPrefix, NAME);
        this.received = InboundMeters.updates(meters, SlackChannel.NAME, "events");
        this.acked = InboundMeters.ack(meters, SlackChannel.NAME, "acked");
        this.notAcked = InboundMeters.ack(meters, SlackChannel.NAME, "not_acked");
    }

    /** Keeps the request, durably, in one round trip; throws when Redis cannot take it (do not ack then). */
    void put(SlackWork work) {
        received.increment();
        long start = System.nanoTime();
        try {
            outbox.append(List.of(new OutboxEntry(work.user(), work.json())));
        } catch (RuntimeException e) {
            notAcked.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
        acked.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** How many requests are still to handle, including those a worker is handling. */
    long waiting() {
        return outbox.waiting();
    }

    /**
     * The worker that hands each request to {@code handler}; start it, and close it on shutdown. It takes
     * over the requests of a worker whose heartbeat stopped (a few seconds after its instance died, see
     * {@link OutboxSender}); a worker inside one handling for longer than {@code takeOverAfter} counts as
     * stuck, so that must be well above the longest handling (a few Slack calls), or one still being handled
     * runs twice.
     */
    OutboxSender worker(Consumer<SlackWork> handler, Clock clock, Duration takeOverAfter) {
        return worker(handler, clock, takeOverAfter, InboundMeters.none());
    }

    /** As above, showing the inbox's backlog and its handling in {@code meters} (as the outbox {@code slack-inbound}). */
    OutboxSender worker(Consumer<SlackWork> handler, Clock clock, Duration takeOverAfter, MeterRegistry meters) {
        return new OutboxSender(outbox, entry -> handle(entry, handler), PACING, clock, takeOverAfter, meters);
    }

    /**
     * A request that cannot be read will never be handled (dead letter, logged by the outbox); a handler
     * that fails (Redis, most likely) is tried again, with backoff.
     */
    private static void handle(OutboxEntry entry, Consumer<SlackWork> handler) throws SendFailure {
        SlackWork work;
        try {
            work = SlackWork.read(entry.payload());
        } catch (JacksonException e) {
            throw SendFailure.permanent("not a Slack request this version can read: " + e.getOriginalMessage());
        }
        try {
            handler.accept(work);
        } catch (RuntimeException e) {
            throw SendFailure.transientFailure("handling a " + work.getClass().getSimpleName() + " from "
                    + work.user() + " failed: " + e, e);
        }
    }
}
