package com.disputeassistant.marketplace;

import java.util.Objects;

/** A marketplace account, e.g. {@code alice}. */
public record PersonId(String value) {
    public PersonId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a person id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
