package com.disputeassistant.marketplace;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What client and expert agreed: the deliverables, the deadline, the price, and what the client paid
 * into escrow. Refund + payout of a closed dispute always add up to {@code paid}.
 */
public record Terms(List<String> deliverables, LocalDate deadline, Money price, Money paid) {
    public Terms {
        deliverables = List.copyOf(deliverables);
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(paid, "paid");
        if (!price.currency().equals(paid.currency())) {
            throw new IllegalArgumentException("price and paid must be in one currency");
        }
        if (paid.compareTo(price) > 0) {
            throw new IllegalArgumentException("paid cannot exceed the price");
        }
    }
}
