package com.disputeassistant.bench;

import com.disputeassistant.conversation.ConversationEngine;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One message of the lane's dispute through the engine, with a platform delivery id as a channel sends it. */
final class EngineWork implements Work {
    private final ConversationEngine engine;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    EngineWork(ConversationEngine engine) {
        this.engine = engine;
    }

    @Override
    public void send(Lane lane) {
        lane.answered(engine.handle(lane.next("bench:" + run + ":" + sequence.incrementAndGet())));
    }
}
