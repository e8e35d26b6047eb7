package com.disputeassistant.procedure;

import java.util.List;
import java.util.Objects;

/**
 * Why a command was not applied, as a message key and its arguments; the engine turns it into a
 * sentence that says what to do instead. Nothing changed when a command is refused.
 */
public record Refusal(String key, List<Object> args) {
    public Refusal {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Refusal of(String key, Object... args) {
        return new Refusal(key, List.of(args));
    }
}
