package com.disputeassistant.bench;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.procedure.Actor;
import com.disputeassistant.procedure.Command;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.Trigger;
import com.disputeassistant.store.CommitResult;
import com.disputeassistant.store.Change;
import com.disputeassistant.store.DisputeStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Fills Redis with open disputes that sit still while the lanes run: each one opened, given a reason and a
 * description (so it is talking, as most open disputes are), and committed through the store's own commit,
 * so its keys and index entries are exactly the app's. Commits run on several threads: 100,000 take seconds.
 */
final class Preload {
    private final DisputeStore store;
    private final SyntheticMarketplace marketplace;
    private final Procedure procedure;
    private final Clock clock;

    Preload(DisputeStore store, SyntheticMarketplace marketplace, Procedure procedure, Clock clock) {
        this.store = store;
        this.marketplace = marketplace;
        this.procedure = procedure;
        this.clock = clock;
    }

    /** How a pre-load went: how many commits did not go through, and what the first of them answered. */
    record Outcome(int failed, String firstFailure) {
        @Override
        public String toString() {
            return failed + " failed" + (firstFailure == null ? "" : " (first: " + firstFailure + ")");
        }
    }

    /** Opens disputes on orders {@code from} (inclusive) to {@code to} (exclusive). */
    Outcome open(int from, int to, int threads) {
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> first = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger(from);
        List<Thread> workers = IntStream.range(0, threads).mapToObj(t -> new Thread(() -> {
            for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                String failure;
                try {
                    CommitResult result = store.commit(opened(n));
                    // An id already in use (short ids collide among a million) conflicts: draw another, as the engine does.
                    for (int draw = 1; draw < 5 && result instanceof CommitResult.VersionConflict; draw++) {
                        result = store.commit(opened(n));
                    }
                    failure = result instanceof CommitResult.Committed ? null : result.toString();
                } catch (RuntimeException e) {
                    failure = e.toString();
                }
                if (failure != null) {
                    failed.incrementAndGet();
                    first.compareAndSet(null, "order " + n + ": " + failure);
                }
            }
        }, "bench-preload-" + t)).toList();
        workers.forEach(Thread::start);
        workers.forEach(LoadDriver::join);
        return new Outcome(failed.get(), first.get());
    }

    private Change opened(int n) {
        Order order = marketplace.orderNumber(n);
        ChannelIdentity client = SyntheticMarketplace.client(n);
        Actor actor = Actor.person(client.toString(), order.client());
        Instant now = clock.instant();
        Dispute dispute = procedure.open(DisputeId.random(), order, order.client(), now);
        TimelineEntry opened = new TimelineEntry(now, actor.identity(), Step.INTAKE, Step.INTAKE,
                "opened about order " + order.id());
        procedure.apply(dispute, Command.of(Trigger.CHOOSE_REASON, actor).withReason(Reason.NOT_ACCEPTABLE), now);
        TimelineEntry described = procedure.apply(dispute, Command.of(Trigger.DESCRIBE, actor)
                .withText("Chapters 4 and 5 were not edited at all; the tracked changes stop at page 61."), now).entry();
        List<TimelineEntry> timeline = described == null ? List.of(opened) : List.of(opened, described);
        return new Change(dispute, 0, timeline, List.of(), client);
    }
}
