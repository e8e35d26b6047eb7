package com.disputeassistant.marketplace;

import java.util.List;
import java.util.Objects;

/**
 * One marketplace order: a dispute is always about exactly one. {@code deliveryNotes} are what the
 * expert wrote when delivering; they go into a replacement expert's hand-over.
 */
public record Order(OrderId id, String title, PersonId client, PersonId expert, Terms terms,
                    DeliveryStatus deliveryStatus, List<String> deliveryNotes) {
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(expert, "expert");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(deliveryStatus, "deliveryStatus");
        deliveryNotes = deliveryNotes == null ? List.of() : List.copyOf(deliveryNotes);
        if (client.equals(expert)) {
            throw new IllegalArgumentException("order " + id + ": client and expert must differ");
        }
    }

    public boolean involves(PersonId person) {
        return client.equals(person) || expert.equals(person);
    }
}
