package com.disputeassistant.telegram.sending;

import com.disputeassistant.dispute.DisputeId;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * A message for the mediators' room about a dispute, queued before its thread may exist: the sender
 * puts it in the dispute's thread, or makes it the dispute's card when there is none yet.
 */
record RoomPost(DisputeId dispute, String topic, SendMessage message) {
    /** The payload's {@code method}: no Bot API method has this name. */
    static final String METHOD = "roompost";
}
