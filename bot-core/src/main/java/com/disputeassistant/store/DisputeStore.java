package com.disputeassistant.store;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.language.Language;
import com.disputeassistant.language.Preference;
import com.disputeassistant.language.Speaker;
import com.disputeassistant.outbox.ReplyWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port to where disputes live. Nothing is kept in memory between messages: every turn loads the
 * dispute, acts, and commits one {@link Change}, so any instance of the app can take the next message.
 *
 * <p>Commit is atomic and conditional: it applies only if the dispute is still at the version the
 * turn loaded, so two instances (or two clicks) can never both apply a step. Creating a dispute
 * (expected version 0) also claims its order: one open dispute per order. Closing a dispute releases
 * the order, drops it from its parties' open disputes, and, when the outcome carries money, publishes
 * the outcome once for the payments system.
 */
public interface DisputeStore {

    Optional<StoredDispute> load(DisputeId id);

    /**
     * Loads the dispute for a turn, with the stored languages of its parties and of {@code others} (the
     * sender, the mediators): every recipient's language comes with the dispute. By default two reads.
     */
    default Optional<LoadedDispute> loadForTurn(DisputeId id, Collection<Speaker> others) {
        return load(id).map(stored -> {
            java.util.Set<Speaker> speakers = new java.util.LinkedHashSet<>(others);
            stored.dispute().parties().forEach(party -> speakers.add(Speaker.person(party.value())));
            return new LoadedDispute(stored, languages(speakers));
        });
    }

    /**
     * What a message's turn reads first: whether the message's delivery id ({@code deliveryId}, may be null)
     * was handled before, and if not, the dispute it is about loaded for the turn (see {@link #loadForTurn}).
     * That is the dispute {@code named}, or when it is null the one in {@code sender}'s focus ({@link
     * #focusOf}), else {@code person}'s only open dispute (person may be null). One round trip where the
     * store can; by default the reads one by one.
     */
    default TurnStart startTurn(String deliveryId, DisputeId named, ChannelIdentity sender, PersonId person,
                                Collection<Speaker> others) {
        if (deliveryId != null && wasHandled(deliveryId)) {
            return TurnStart.HANDLED;
        }
        Optional<DisputeId> id = disputeAbout(named, sender, person);
        return TurnStart.of(id, id.flatMap(found -> loadForTurn(found, others)));
    }

    /**
     * The dispute a message is about: {@code named}, or when it is null the one in {@code sender}'s focus
     * ({@link #focusOf}; sender may be null), else {@code person}'s only open dispute (person may be null);
     * the reads one by one, for what must know it before a turn.
     */
    default Optional<DisputeId> disputeAbout(DisputeId named, ChannelIdentity sender, PersonId person) {
        Optional<DisputeId> id = Optional.ofNullable(named);
        if (id.isEmpty() && sender != null) {
            id = focusOf(sender);
        }
        if (id.isEmpty() && person != null) {
            List<DisputeId> open = openDisputesOf(person);
            id = open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
        }
        return id;
    }

    CommitResult commit(Change change);

    /** The person's open disputes (as client, expert or replacement expert), oldest first. */
    List<DisputeId> openDisputesOf(PersonId person);

    /** The person's open disputes, loaded; one that closed between the two reads is left out. */
    default List<Dispute> loadOpenDisputesOf(PersonId person) {
        return openDisputesOf(person).stream()
                .flatMap(id -> load(id).stream())
                .map(StoredDispute::dispute)
                .filter(dispute -> !dispute.isClosed())
                .toList();
    }

    /**
     * Where each of these people last wrote to the bot from, in any dispute (see {@link Change#lastUsed()}):
     * the bot reaches them there. One read for all of them; a person who never wrote is left out.
     */
    Map<PersonId, Address> lastAddressesOf(List<PersonId> people);

    /** Records where a person last wrote from, for a message that committed no change (which records it itself). */
    void rememberAddress(PersonId person, Address address);

    /** The dispute this identity last acted on, for free text that names no dispute. */
    Optional<DisputeId> focusOf(ChannelIdentity identity);

    /**
     * Whether the platform message with this delivery id was already applied (by a commit that named it,
     * see {@link Change#inboundId()}) or handled without changing anything ({@link #markHandled}).
     */
    boolean wasHandled(String inboundId);

    /** Records that the message with this delivery id was answered without changing any dispute. */
    default void markHandled(String inboundId) {
        queueReplies(inboundId, List.of());
    }

    /**
     * Queues the replies to a message that changed no dispute, and records its delivery id as handled, in
     * one atomic step; if the id was handled before (a redelivery, or a copy in flight at the same time),
     * writes nothing and returns false, so the replies are queued once. Without a delivery id ({@code
     * inboundId} null), queues the replies alone. A turn that changes a dispute queues its replies with
     * its {@link Change} instead.
     */
    boolean queueReplies(String inboundId, List<ReplyWrite> replies);

    /**
     * Sets when the bot must next look at the dispute by itself, or (empty) that it need not. Every
     * commit does this on its own, from {@link Dispute#nextTimer()}; this is for a timer that fired
     * without anything to commit.
     */
    void scheduleTimer(DisputeId id, Optional<Instant> at);

    /**
     * Claims up to {@code max} disputes whose timer is due at {@code now}, for {@code lease}: another
     * claim sees them again only when the lease has run out without a commit rescheduling them, so with
     * several instances each due timer is handled by one of them.
     */
    List<DisputeId> claimDueTimers(Instant now, Duration lease, int max);

    /**
     * The disputes that closed at or after {@code since}, the most recently closed first, at most
     * {@code max}: what the supervisors' reports count (outcomes per week, time to resolution). One read
     * of an index the closing commit writes, then one of the disputes.
     */
    List<Dispute> closedSince(Instant since, int max);

    /** The disputes handed to a mediator that nobody has claimed, the longest waiting first. */
    List<DisputeId> mediatorQueue();

    /**
     * Counts across every open dispute, for operators' metrics: it reads every open dispute's step, so
     * it is meant for a reading every few seconds at most, never for a message's turn.
     */
    DisputeCounts counts(Instant now);

    /** Every recorded transition, oldest first. */
    List<TimelineEntry> timeline(DisputeId id);

    /** The latest transcript lines, oldest first, at most {@code limit}. */
    List<TranscriptEntry> transcript(DisputeId id, int limit);

    /** How many lines the dispute's transcript has, e.g. to page through it. */
    long transcriptSize(DisputeId id);

    /**
     * What is stored about these people's languages, in one read; someone with nothing stored is left
     * out. The engine reads everyone a turn may address at once, after loading the dispute.
     */
    Map<Speaker, Preference> languages(Collection<Speaker> speakers);

    /** Records a person's own choice of language ({@code /language de}), which wins over every hint. */
    void chooseLanguage(Speaker speaker, Language language);

    /** Records the latest language a channel said the person uses; the engine writes it only when it changed. */
    void hintLanguage(Speaker speaker, Language language);
}
