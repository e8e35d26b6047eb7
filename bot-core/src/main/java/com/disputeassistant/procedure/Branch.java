package com.disputeassistant.procedure;

/**
 * Which way a trigger goes, decided once by {@link Rules} before the state machine sees the event;
 * the machine's guards only compare against it, so each transition reads as "on X, when Y".
 */
enum Branch {
    /** The trigger's only way. */
    GO,
    /** Recorded; the step waits for more (the other party, more tasks, the client's answer). */
    RECORDED,
    BOTH_CONFIRMED,
    ALL_ACCEPTED,
    SCOPE_DISPUTED,
    OVER_CAP,
    ALL_DONE,
    ANOTHER_ROUND,
    TO_FEE,
    SETTLED,
    SUGGESTED,
    NEXT_ROUND,
    IMPASSE,
    FULL_REFUND_OFFERED,
    /** A claimed dispute's deadline passed: it goes back to the mediators' queue. */
    BACK_TO_QUEUE
}
