package com.disputeassistant.dispute;

/** How a dispute ended. Those that carry money are published for the payments system. */
public enum OutcomeType {
    RESOLVED_BY_PARTIES(false),
    ACCEPTED_AFTER_REWORK(true),
    SETTLED(true),
    REFUNDED_IN_FULL(true),
    WITHDRAWN(false),
    DECIDED_BY_MEDIATOR(true);

    private final boolean carriesMoney;

    OutcomeType(boolean carriesMoney) {
        this.carriesMoney = carriesMoney;
    }

    public boolean carriesMoney() {
        return carriesMoney;
    }
}
