package com.disputeassistant.conversation;

import java.util.List;

/**
 * The conversation engine (being written): one inbound message in, the messages for everyone
 * concerned out. Loads the dispute, runs one step of the procedure, commits once.
 */
public final class ConversationEngine {

    /** Handles one message; never throws for bad input, answers it instead. */
    public List<OutboundMessage> handle(InboundMessage message) {
        throw new UnsupportedOperationException("engine not written yet");
    }
}
