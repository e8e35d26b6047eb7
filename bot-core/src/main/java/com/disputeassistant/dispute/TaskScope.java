package com.disputeassistant.dispute;

/** Whether a listed task is within the agreed terms, as the expert (or a mediator) sees it. */
public enum TaskScope {
    /** Listed by the client, not yet reviewed by the expert. */
    PROPOSED,
    ACCEPTED,
    /** The expert says it is outside the agreed terms: a mediator decides. */
    DISPUTED,
    /** A mediator ruled it outside the terms: it is not part of the rework. */
    EXCLUDED
}
