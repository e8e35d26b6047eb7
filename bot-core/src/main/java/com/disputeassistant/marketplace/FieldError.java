package com.disputeassistant.marketplace;

import java.util.Objects;

/**
 * One thing wrong with a person or an order sent to the marketplace API: the field ({@code price},
 * {@code identities[1]}) and what to write instead.
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
