package com.disputeassistant.store;

import com.disputeassistant.dispute.DisputeId;

/** What became of a {@link Change}. */
public sealed interface CommitResult {

    /** Applied; the dispute is now at {@code version}. */
    record Committed(long version) implements CommitResult {
    }

    /** Not applied: someone else changed the dispute first. Reload and try again. */
    record VersionConflict(long currentVersion) implements CommitResult {
    }

    /** Not applied: the order already has an open dispute (only when creating one). */
    record OrderAlreadyDisputed(DisputeId openDispute) implements CommitResult {
    }

    /**
     * Not applied: the message behind the change (its {@code inboundId}) was already applied, by another
     * change. A repeat of the very same change (a client retry after a timeout) is reported as Committed.
     */
    record AlreadyApplied() implements CommitResult {
    }
}
