package com.disputeassistant.outbox;

import java.util.Objects;

/**
 * One request for a platform, as queued: {@code conversation} is the chat it goes to (messages to one
 * conversation are sent in order and paced together); {@code payload} is the adapter's own serialized
 * request, opaque to the outbox.
 */
public record OutboxEntry(String conversation, String payload) {
    public OutboxEntry {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(payload, "payload");
        if (conversation.isBlank()) {
            throw new IllegalArgumentException("an outbox entry names the conversation it goes to");
        }
    }
}
