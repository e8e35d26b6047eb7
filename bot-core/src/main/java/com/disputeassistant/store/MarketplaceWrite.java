package com.disputeassistant.store;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.PersonId;
import java.util.Optional;

/** How a write to the {@link RedisMarketplace} went; only {@link Written} and {@link Deleted} changed anything. */
public sealed interface MarketplaceWrite {

    /**
     * Stored, at this version.
     *
     * @param notedIn the open dispute of a changed order, whose timeline now says that the order changed
     */
    record Written(long version, boolean created, Optional<DisputeId> notedIn) implements MarketplaceWrite {
    }

    /** The same as what was stored: nothing to write (a retried request). */
    record Unchanged(long version) implements MarketplaceWrite {
    }

    record Deleted() implements MarketplaceWrite {
    }

    record NotFound() implements MarketplaceWrite {
    }

    /** The version named by the caller (If-Match) is not the stored one. */
    record VersionConflict(long current) implements MarketplaceWrite {
    }

    /** The identity at {@code index} of the person's list belongs to another person. */
    record IdentityTaken(int index, ChannelIdentity identity, PersonId owner) implements MarketplaceWrite {
    }

    /** The order's client or expert ({@code field}) is not a stored person. */
    record UnknownPerson(String field, PersonId person) implements MarketplaceWrite {
    }

    /** Not deleted: this open dispute needs the person or the order. */
    record NeededByDispute(DisputeId dispute) implements MarketplaceWrite {
    }

    /** Not deleted: the person is client or expert of this order. */
    record NeededByOrder(String order) implements MarketplaceWrite {
    }
}
