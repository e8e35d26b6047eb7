package com.disputeassistant.conversation;

/**
 * The free-text answer a message's recipient owes at the dispute's current step, so that a channel can
 * offer a form for it (a Slack modal) besides typing it into the chat.
 */
public enum TextAnswer {
    /** The opener's description of the problem, at intake. */
    DESCRIPTION,
    /** The client's list of what is still needed: one concrete, checkable task per message. */
    TASKS,
    /** A party's fee proposal: an amount from 0 to what was paid. */
    FEE
}
