package com.disputeassistant.store;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.outbox.ReplyWrite;
import java.util.List;
import java.util.Objects;

/**
 * Everything one turn changes about one dispute, applied all at once or not at all: the dispute's new
 * state, the timeline entries of its transitions, the transcript lines of the turn, and the identity
 * whose next free-text message is about this dispute ({@code focusOf}, may be null).
 *
 * @param expectedVersion the version the turn started from; 0 creates the dispute
 * @param inboundId       the platform's delivery id of the message that caused the change, or null: the
 *                        store records it with the change and refuses a second change for the same id
 * @param lastUsed        the person who caused the change and the address they wrote from, which the store
 *                        keeps as where to reach them from now on (any dispute); null for a timer or a mediator
 * @param replies         the turn's replies as the channels rendered them: queued by the same atomic write,
 *                        so they exist exactly when the change does (never "commit, then deliver")
 */
public record Change(Dispute dispute, long expectedVersion, List<TimelineEntry> timeline,
                     List<TranscriptEntry> transcript, ChannelIdentity focusOf, String inboundId, LastUsed lastUsed,
                     List<ReplyWrite> replies) {

    /** A person and the address they last wrote to the bot from. */
    public record LastUsed(PersonId person, Address address) {
        public LastUsed {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(address, "address");
        }
    }

    public Change {
        Objects.requireNonNull(dispute, "dispute");
        timeline = List.copyOf(timeline);
        transcript = List.copyOf(transcript);
        replies = replies == null ? List.of() : List.copyOf(replies);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("a version is never negative");
        }
    }

    /** A change that queues no replies. */
    public Change(Dispute dispute, long expectedVersion, List<TimelineEntry> timeline,
                  List<TranscriptEntry> transcript, ChannelIdentity focusOf, String inboundId, LastUsed lastUsed) {
        this(dispute, expectedVersion, timeline, transcript, focusOf, inboundId, lastUsed, List.of());
    }

    /** This change, queuing these replies with it. */
    public Change withReplies(List<ReplyWrite> writes) {
        return new Change(dispute, expectedVersion, timeline, transcript, focusOf, inboundId, lastUsed, writes);
    }

    /** A change that records nobody's address. */
    public Change(Dispute dispute, long expectedVersion, List<TimelineEntry> timeline,
                  List<TranscriptEntry> transcript, ChannelIdentity focusOf, String inboundId) {
        this(dispute, expectedVersion, timeline, transcript, focusOf, inboundId, null);
    }

    /** A change caused by no platform message (a timer, the playground). */
    public Change(Dispute dispute, long expectedVersion, List<TimelineEntry> timeline,
                  List<TranscriptEntry> transcript, ChannelIdentity focusOf) {
        this(dispute, expectedVersion, timeline, transcript, focusOf, null, null);
    }
}
