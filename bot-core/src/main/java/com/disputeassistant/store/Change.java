package com.disputeassistant.store;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.List;
import java.util.Objects;

/**
 * Everything one turn changes about one dispute, applied all at once or not at all: the dispute's new
 * state, the timeline entries of its transitions, the transcript lines of the turn, and the identity
 * whose next free-text message is about this dispute ({@code focusOf}, may be null).
 *
 * @param expectedVersion the version the turn started from; 0 creates the dispute
 */
public record Change(Dispute dispute, long expectedVersion, List<TimelineEntry> timeline,
                     List<TranscriptEntry> transcript, ChannelIdentity focusOf) {
    public Change {
        Objects.requireNonNull(dispute, "dispute");
        timeline = List.copyOf(timeline);
        transcript = List.copyOf(transcript);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("a version is never negative");
        }
    }
}
