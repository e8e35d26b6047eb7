package com.disputeassistant.procedure;

/**
 * What can happen to a dispute: the state machine's events. Each names who may cause it; the
 * procedure refuses it from anybody else.
 */
public enum Trigger {
    // 1. Intake
    CHOOSE_REASON(Who.OPENER),
    DESCRIBE(Who.OPENER),
    // 2. Talk it out (S0)
    PROPOSE_RESOLVED(Who.PARTY),
    CONFIRM_RESOLVED(Who.PARTY),
    REJECT_RESOLVED(Who.PARTY),
    ESCALATE(Who.PARTY),
    // 3. Terms (S1)
    CONFIRM_TERMS(Who.PARTY),
    DISPUTE_TERMS(Who.PARTY),
    // 4. What is still needed (S2)
    ADD_TASK(Who.CLIENT),
    REMOVE_TASK(Who.CLIENT),
    CONFIRM_TASKS(Who.CLIENT),
    DISPUTE_TASK(Who.WORKING_EXPERT),
    ACCEPT_TASKS(Who.WORKING_EXPERT),
    // 5. Who does it (S3)
    CHOOSE_SAME_EXPERT(Who.CLIENT),
    CHOOSE_OTHER_EXPERT(Who.CLIENT),
    ACCEPT_HANDOVER(Who.WORKING_EXPERT),
    DECLINE_HANDOVER(Who.WORKING_EXPERT),
    // 6. Rework (S4, C1)
    REQUEST_EXTENSION(Who.WORKING_EXPERT),
    GRANT_EXTENSION(Who.CLIENT),
    DECLINE_EXTENSION(Who.CLIENT),
    MARK_TASK_DONE(Who.WORKING_EXPERT),
    REDELIVER(Who.WORKING_EXPERT),
    CHOOSE_REPLACEMENT(Who.CLIENT),
    CHOOSE_FAIR_FEE(Who.CLIENT),
    CHOOSE_MEDIATOR(Who.CLIENT),
    REQUEST_FULL_REFUND(Who.CLIENT),
    // 7. Check (S4)
    CHECK_TASK(Who.CLIENT),
    // 8. Fair fee (S6, S7)
    PROPOSE_FEE(Who.PARTY),
    ACCEPT_OTHER_FEE(Who.PARTY),
    ACCEPT_SUGGESTED_FEE(Who.PARTY),
    // 9. Money back (S5), and leaving
    REQUEST_MONEY_BACK(Who.CLIENT),
    WITHDRAW(Who.OPENER),
    // Human mediators (S8)
    ASK_FOR_HUMAN(Who.PARTY),
    CLAIM(Who.MEDIATOR),
    RELEASE(Who.CLAIMING_MEDIATOR),
    DEFINE_TERMS(Who.CLAIMING_MEDIATOR),
    RULE_TASK_IN_SCOPE(Who.CLAIMING_MEDIATOR),
    RULE_TASK_OUT_OF_SCOPE(Who.CLAIMING_MEDIATOR),
    ASSIGN_REPLACEMENT(Who.CLAIMING_MEDIATOR),
    SET_DEADLINE(Who.CLAIMING_MEDIATOR),
    HAND_BACK(Who.CLAIMING_MEDIATOR),
    DECIDE_FEE(Who.CLAIMING_MEDIATOR),
    DECIDE_FULL_REFUND(Who.CLAIMING_MEDIATOR),
    CLOSE_AS_RESOLVED(Who.CLAIMING_MEDIATOR),
    // Time
    DEADLINE_PASSED(Who.BOT);

    /** Who may cause a trigger. */
    public enum Who {
        /** The party who opened the dispute. */
        OPENER,
        /** The client or the expert doing the work now. */
        PARTY,
        CLIENT,
        /** The order's expert, or the replacement once assigned. */
        WORKING_EXPERT,
        /** Any allow-listed mediator. */
        MEDIATOR,
        /** The mediator who claimed this dispute. */
        CLAIMING_MEDIATOR,
        /** The bot itself (deadlines). */
        BOT
    }

    private final Who who;

    Trigger(Who who) {
        this.who = who;
    }

    public Who who() {
        return who;
    }
}
