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

    /**
     * Whether picking this option acts (on a dispute, or opens one), so that once one such option of a
     * message was picked, the message's other actions are spent. Menu, help and "show this dispute" can
     * be picked again and again.
     */
    public boolean singleUse() {
        return OptionId.parse(id).map(option -> option.kind() == OptionId.Kind.DISPUTE
                        && !option.action().equals("HELP")
                        || option.kind() == OptionId.Kind.OPEN_ORDER)
                .orElse(false);
    }
}
