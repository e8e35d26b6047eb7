package com.disputeassistant.dispute;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded transition: who acted (a channel identity, or {@code bot}), when, from which step to
 * which, and why (the trigger, with detail). Internal transitions have {@code from == to}.
 */
public record TimelineEntry(Instant at, String actor, Step from, Step to, String why) {
    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(why, "why");
    }
}
