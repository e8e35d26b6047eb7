package com.disputeassistant.conversation;

import com.disputeassistant.marketplace.Address;
import java.util.Objects;

/**
 * What a person sent on a channel: either free text or the id of a reply option they picked.
 * {@code from} is both who sent it and where to answer.
 */
public record InboundMessage(Address from, String text, String option) {
    public InboundMessage {
        Objects.requireNonNull(from, "from");
        text = text == null ? "" : text;
    }

    public static InboundMessage text(Address from, String text) {
        return new InboundMessage(from, text, null);
    }

    public static InboundMessage option(Address from, String optionId) {
        return new InboundMessage(from, "", Objects.requireNonNull(optionId, "optionId"));
    }

    public boolean isOption() {
        return option != null;
    }
}
