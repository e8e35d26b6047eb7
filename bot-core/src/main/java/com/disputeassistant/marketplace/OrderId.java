package com.disputeassistant.marketplace;

import java.util.Objects;

/** A marketplace order, e.g. {@code ORD-1001}. */
public record OrderId(String value) {
    public OrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an order id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
