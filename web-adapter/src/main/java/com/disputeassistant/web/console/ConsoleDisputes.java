package com.disputeassistant.web.console;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    /** The most closed disputes a report reads. */
    static final int MAX_CLOSED = 5_000;
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

    /**
     * Where the people of these disputes are reached: where each last wrote to the bot from (in any
     * dispute), else where they wrote about the dispute itself. One read for all of them.
     */
    Map<PersonId, Address> reach(Collection<Dispute> listed) {
        List<PersonId> people = listed.stream().flatMap(d -> d.parties().stream()).distinct().toList();
        Map<PersonId, Address> reach = new HashMap<>(store.lastAddressesOf(people));
        for (Dispute dispute : listed) {
            dispute.parties().forEach(person -> dispute.contact(person).ifPresent(at -> reach.putIfAbsent(person, at)));
        }
        return reach;
    }

    /** The channels the dispute's parties and its mediator are on. */
    static Set<String> channels(Dispute dispute, Map<PersonId, Address> reach) {
        Set<String> channels = new HashSet<>();
        dispute.parties().stream().map(reach::get).filter(Objects::nonNull).forEach(at -> channels.add(at.channel()));
        dispute.mediator().flatMap(ChannelIdentity::parse).ifPresent(mediator -> channels.add(mediator.channel()));
        return channels;
    }

    /** The disputes to list, narrowed by the filter. */
    List<Dispute> filtered(List<Dispute> listed, ListFilter filter, Instant now) {
        if (filter.isEmpty()) {
            return listed;
        }
        Map<PersonId, Address> reach = filter.channel().isPresent() ? reach(listed) : Map.of();
        return listed.stream().filter(d -> filter.test(d, now, channels(d, reach))).toList();
    }

    /** Closed since then, the latest first; bounded, so that a report never reads the whole history. */
    List<Dispute> closedSince(Instant since) {
        return store.closedSince(since, MAX_CLOSED);
    }

    /**
     * What changes whenever the step, the holder or the transcript does (a party's message, a claim): a
     * page compares it with the one it was rendered from.
     */
    String version(Dispute dispute) {
        return dispute.stepSeq() + "-" + dispute.mediator().orElse("") + "-" + store.transcriptSize(dispute.id());
    }

    /** What changes whenever the mediators' queue does (a hand-off, a claim by anyone). */
    String queueVersion() {
        return String.join(",", store.mediatorQueue().stream().map(DisputeId::value).toList());
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
