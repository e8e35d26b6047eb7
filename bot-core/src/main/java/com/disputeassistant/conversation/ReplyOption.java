package com.disputeassistant.conversation;

import java.util.Objects;

/**
 * A choice offered with a message. {@code id} is opaque to channels: they send it back unchanged when
 * the person picks it (a button's value), and render {@code label} natively or as numbered text.
 */
public record ReplyOption(String id, String label) {
    public ReplyOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
