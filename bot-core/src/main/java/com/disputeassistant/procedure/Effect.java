package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Dispute;
import java.time.Instant;

/** What a transition of the {@link TransitionTable} does to the dispute. */
@FunctionalInterface
interface Effect {
    void apply(Dispute dispute, Command command, Instant now);

    default Effect andThen(Effect next) {
        return (d, c, now) -> {
            apply(d, c, now);
            next.apply(d, c, now);
        };
    }
}
