package com.disputeassistant.conversation;

import com.disputeassistant.marketplace.Address;
import java.util.List;
import java.util.Objects;

/**
 * A message for one person on one channel: text plus the reply options they may pick. Channels
 * render options natively (buttons, inline keyboards) and fall back to numbered text.
 */
public record OutboundMessage(Address to, String text, List<ReplyOption> options) {
    public OutboundMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        options = options == null ? List.of() : List.copyOf(options);
    }
}
