package com.disputeassistant.dispute;

import java.util.Objects;

/**
 * One concrete, checkable thing the client still needs (S2). {@code doneClaimed} is the expert's tick
 * at redelivery; {@code verdict} is the client's check.
 */
public record Task(int number, String text, TaskScope scope, boolean doneClaimed, TaskVerdict verdict) {
    public Task {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(verdict, "verdict");
    }

    public static Task proposed(int number, String text) {
        return new Task(number, text, TaskScope.PROPOSED, false, TaskVerdict.UNCHECKED);
    }

    public Task withScope(TaskScope newScope) {
        return new Task(number, text, newScope, doneClaimed, verdict);
    }

    public Task withDoneClaimed(boolean claimed) {
        return new Task(number, text, scope, claimed, verdict);
    }

    public Task withVerdict(TaskVerdict newVerdict) {
        return new Task(number, text, scope, doneClaimed, newVerdict);
    }

    /** Part of the rework: not ruled out of scope. */
    public boolean inRework() {
        return scope != TaskScope.EXCLUDED;
    }
}
