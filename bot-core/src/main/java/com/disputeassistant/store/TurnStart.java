package com.disputeassistant.store;

import com.disputeassistant.dispute.DisputeId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message's turn starts from, read together ({@link DisputeStore#startTurn}): whether the message
 * was handled before (then nothing else was read), which dispute the turn is about, and that dispute.
 *
 * @param handled  the message's delivery id was applied or answered before: the turn must do nothing
 * @param dispute  the dispute named, or the one the sender is in; empty when there is none
 * @param loaded   that dispute, loaded for the turn; empty when it does not exist (or none was found)
 */
public record TurnStart(boolean handled, Optional<DisputeId> dispute, Optional<LoadedDispute> loaded) {

    /** A message handled before. */
    public static final TurnStart HANDLED = new TurnStart(true, Optional.empty(), Optional.empty());

    public TurnStart {
        Objects.requireNonNull(dispute, "dispute");
        Objects.requireNonNull(loaded, "loaded");
    }

    /** A new message about this dispute (or none), loaded or not found. */
    public static TurnStart of(Optional<DisputeId> dispute, Optional<LoadedDispute> loaded) {
        return new TurnStart(false, dispute, loaded);
    }
}
