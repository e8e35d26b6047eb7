package com.disputeassistant.buttons;

/** What a press of a button means: the option to hand to the engine, or a refusal to show the presser. */
public sealed interface ButtonPress {

    /** The press counts: hand {@code optionId} to the engine as the presser's choice. */
    record Accepted(String optionId) implements ButtonPress {
    }

    /** The press changes nothing; {@code explanation} tells the presser why, in a sentence. */
    record Refused(String explanation) implements ButtonPress {
    }
}
