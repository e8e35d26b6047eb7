package com.disputeassistant.conversation;

import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import java.time.Clock;
import java.util.List;

/**
 * The conversation engine (being written): one inbound message in, the messages for everyone
 * concerned out. Loads the dispute, runs one step of the procedure, commits once.
 */
public final class ConversationEngine {

    public ConversationEngine(Marketplace marketplace, DisputeStore store, ProcedureSettings settings, Clock clock) {
    }

    /** Handles one message; never throws for bad input, answers it instead. */
    public List<OutboundMessage> handle(InboundMessage message) {
        throw new UnsupportedOperationException("engine not written yet");
    }
}
