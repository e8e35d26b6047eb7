package com.disputeassistant.app;

/** Finds the {@link StartupProblem} behind a failed start, however deep Spring wrapped it. */
public final class StartupProblems {

    private StartupProblems() {
    }

    public static StartupProblem in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupProblem problem) {
                return problem;
            }
        }
        throw new AssertionError("the start failed, but not with a StartupProblem: " + failure, failure);
    }
}
