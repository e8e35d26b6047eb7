package com.disputeassistant.store;

import com.disputeassistant.dispute.Dispute;
import java.util.Objects;

/** A dispute as loaded, with the version a later {@link Change} must name to be applied. */
public record StoredDispute(Dispute dispute, long version) {
    public StoredDispute {
        Objects.requireNonNull(dispute, "dispute");
    }
}
