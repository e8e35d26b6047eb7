package com.disputeassistant.store;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.PersonId;
import java.util.Map;
import java.util.Objects;

/**
 * A dispute as loaded, with the version a later {@link Change} must name to be applied, and where each
 * of its parties last wrote to the bot from (any dispute; a party who never wrote is left out), read
 * in the same round trip, so a turn knows where to reach everyone without another read.
 */
public record StoredDispute(Dispute dispute, long version, Map<PersonId, Address> lastAddresses) {
    public StoredDispute {
        Objects.requireNonNull(dispute, "dispute");
        lastAddresses = Map.copyOf(lastAddresses);
    }

    /** A dispute whose parties' addresses were not read. */
    public StoredDispute(Dispute dispute, long version) {
        this(dispute, version, Map.of());
    }
}
