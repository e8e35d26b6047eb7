package com.disputeassistant.dispute;

/**
 * The steps of the escalation procedure (see {@code shared/spec/escalation-procedure.md}). The
 * procedure's state machine moves a dispute between these; {@link #CLOSED} is the only final one.
 */
public enum Step {
    /** 1. The opener chooses a reason and describes the problem. */
    INTAKE,
    /** 2. The parties try to solve it together (S0). */
    TALKING,
    /** 3. Both parties confirm the agreed terms (S1). */
    TERMS,
    /** 4a. The client lists what is still needed (S2). */
    TASKS,
    /** 4b. The expert accepts the list or marks items as outside the terms. */
    TASK_REVIEW,
    /** 5. The client chooses the same or another expert (S3). */
    EXPERT_CHOICE,
    /** 5b. A replacement expert assigned by a mediator accepts or declines the hand-over. */
    REPLACEMENT,
    /** 6. The (replacement) expert does the tasks and redelivers (S4, C1). */
    REWORK,
    /** 6b. Rework stalled (extension cap or missed deadline): the client chooses how to go on (C1). */
    STALLED,
    /** 7. The client checks each task (S4). */
    CHECK,
    /** 8. Both parties agree on a fair fee (S6, S7). */
    FEE,
    /** A human mediator has the dispute (S8): queued until one claims it. */
    MEDIATION,
    /** Ended with exactly one outcome. */
    CLOSED;

    /**
     * Steps a mediator can hand any dispute back to. The intake and a replacement's hand-over are resumed
     * only by a dispute that was handed off there; {@code Procedure.resumableSteps} says which steps one
     * dispute can resume at now.
     */
    public boolean isResumable() {
        return this != INTAKE && this != MEDIATION && this != CLOSED && this != REPLACEMENT;
    }
}
