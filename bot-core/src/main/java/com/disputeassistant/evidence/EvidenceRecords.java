package com.disputeassistant.evidence;

import com.disputeassistant.dispute.DisputeId;
import java.util.List;
import java.util.Optional;

/**
 * Port to the record of each dispute's evidence ({@link RedisEvidenceRecords}): kept beside the dispute,
 * not inside it, so that it grows without making every turn load it.
 */
public interface EvidenceRecords {

    /** What {@link #add} did. */
    enum Added {
        /** Recorded now. */
        ADDED,
        /** An item with this id was recorded before (a retried delivery): nothing changed. */
        ALREADY,
        /** Refused: the dispute's files would hold more than allowed together. Nothing changed. */
        OVER_TOTAL
    }

    /**
     * Records an item once, atomically with the dispute's total of bytes: not at all if its id is
     * recorded already, nor if it would take the total above {@code maxDisputeBytes}.
     */
    Added add(EvidenceItem item, long maxDisputeBytes);

    /** The dispute's items, oldest first. */
    List<EvidenceItem> of(DisputeId dispute);

    Optional<EvidenceItem> find(DisputeId dispute, String id);

    /** The bytes of all files of the dispute together. */
    long totalBytes(DisputeId dispute);
}
