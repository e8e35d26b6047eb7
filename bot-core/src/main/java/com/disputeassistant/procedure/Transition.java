package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import java.util.Objects;
import java.util.Optional;

/**
 * What one command did: applied (with its timeline entry) or refused (with why). A refused command
 * changed nothing.
 */
public record Transition(Trigger trigger, Step from, Step to, TimelineEntry entry, Refusal refusal) {
    public Transition {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if ((entry == null) == (refusal == null)) {
            throw new IllegalArgumentException("a transition is either applied or refused");
        }
    }

    public boolean applied() {
        return entry != null;
    }

    public boolean changedStep() {
        return from != to;
    }

    public Optional<Refusal> refused() {
        return Optional.ofNullable(refusal);
    }
}
