package com.disputeassistant.app;

import java.util.Objects;

/**
 * A setting or an environment the application cannot start with, told the way a person fixes it:
 * what is wrong, and what to do instead. {@link StartupProblemFailureAnalyzer} prints both instead
 * of a stack trace.
 */
public final class StartupProblem extends RuntimeException {
    private final String action;

    public StartupProblem(String description, String action) {
        this(description, action, null);
    }

    public StartupProblem(String description, String action, Throwable cause) {
        super(Objects.requireNonNull(description, "description"), cause);
        this.action = Objects.requireNonNull(action, "action");
    }

    /** What to do so that the next start works. */
    public String action() {
        return action;
    }
}
