package com.disputeassistant.web.console;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The disputes the console lists, read from the store; nothing here changes one.
 *
 * <p>The store indexes open disputes by party, not by mediator, so "open disputes" are gathered from
 * every marketplace person's: fine for a marketplace file's size, and the first thing to replace by an
 * index of its own for a large one.
 */
final class ConsoleDisputes {
    private final DisputeStore store;
    private final Marketplace marketplace;

    ConsoleDisputes(DisputeStore store, Marketplace marketplace) {
        this.store = store;
        this.marketplace = marketplace;
    }

    /** Waiting for a mediator, the longest waiting first. */
    List<Dispute> queue() {
        return store.mediatorQueue().stream()
                .flatMap(id -> load(id).stream())
                .filter(Dispute::awaitsMediator)
                .toList();
    }

    /** Every open dispute, the oldest first. */
    List<Dispute> open() {
        return marketplace.people().stream()
                .flatMap(person -> store.openDisputesOf(person.id()).stream())
                .distinct()
                .flatMap(id -> load(id).stream())
                .filter(dispute -> !dispute.isClosed())
                .sorted(Comparator.comparing(Dispute::openedAt))
                .toList();
    }

    /** The open disputes one of this person's mediator identities holds, on any channel. */
    List<Dispute> heldBy(StaffMember member) {
        return open().stream().filter(d -> d.mediator().filter(member::is).isPresent()).toList();
    }

    Optional<Dispute> load(DisputeId id) {
        return store.load(id).map(StoredDispute::dispute);
    }

    /** Whether this person may read the dispute: a supervisor, one waiting to be claimed, or one they hold. */
    static boolean mayRead(StaffMember member, Dispute dispute) {
        return member.role() == StaffRole.SUPERVISOR || dispute.awaitsMediator()
                || dispute.mediator().filter(member::is).isPresent()
                || dispute.isClosed() && dispute.mediator().isEmpty();
    }

    static Instant waitingSince(Dispute dispute) {
        return dispute.handedOffAt().orElse(dispute.openedAt());
    }

    DisputeStore store() {
        return store;
    }
}
