package com.disputeassistant.conversation;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.Address;
import java.util.Objects;

/**
 * What a person sent on a channel: either free text or the id of a reply option they picked.
 * {@code from} is both who sent it and where to answer.
 *
 * <p>{@code deliveryId} is the platform's own id for this inbound ({@code telegram:update:123},
 * {@code slack:event:Ev01}), or null where the platform has none (the playground). Platforms deliver
 * at least once: the engine applies a message with a delivery id at most once, so a redelivered update
 * or a retried event changes nothing and is not answered again.
 *
 * <p>{@code dispute} names the dispute the message is about when the channel knows it (a reply in a
 * mediators' room thread for that dispute), or is null: free text is then about the dispute the
 * sender last acted on.
 */
public record InboundMessage(Address from, String text, String option, String deliveryId, DisputeId dispute) {
    /** Long enough for any platform's id; a longer one is a bug in the adapter, not a person's input. */
    private static final int MAX_DELIVERY_ID = 200;

    public InboundMessage {
        Objects.requireNonNull(from, "from");
        text = text == null ? "" : text;
        if (deliveryId != null && (deliveryId.isBlank() || deliveryId.length() > MAX_DELIVERY_ID)) {
            throw new IllegalArgumentException("a delivery id is 1 to " + MAX_DELIVERY_ID + " characters, not \""
                    + deliveryId + "\"");
        }
    }

    public static InboundMessage text(Address from, String text) {
        return new InboundMessage(from, text, null, null, null);
    }

    public static InboundMessage option(Address from, String optionId) {
        return new InboundMessage(from, "", Objects.requireNonNull(optionId, "optionId"), null, null);
    }

    /** The same message, marked with the platform's id for it. */
    public InboundMessage withDeliveryId(String id) {
        return new InboundMessage(from, text, option, Objects.requireNonNull(id, "id"), dispute);
    }

    /** The same message, about this dispute whatever the sender last acted on. */
    public InboundMessage about(DisputeId id) {
        return new InboundMessage(from, text, option, deliveryId, Objects.requireNonNull(id, "id"));
    }

    public boolean isOption() {
        return option != null;
    }
}
