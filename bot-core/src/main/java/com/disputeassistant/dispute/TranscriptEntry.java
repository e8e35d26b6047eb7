package com.disputeassistant.dispute;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a dispute's transcript: what a person wrote to the bot, or what the bot sent to a person.
 * {@code from} and {@code to} are channel identities, or {@code bot}.
 */
public record TranscriptEntry(Instant at, String from, String to, String text) {
    public TranscriptEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }
}
