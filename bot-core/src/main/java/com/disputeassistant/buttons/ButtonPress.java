package com.disputeassistant.buttons;

import com.disputeassistant.language.Language;
import com.disputeassistant.language.Texts;

/** What a press of a button means: the option to hand to the engine, or a refusal to show the presser. */
public sealed interface ButtonPress {

    /** The press counts: hand {@code optionId} to the engine as the presser's choice. */
    record Accepted(String optionId) implements ButtonPress {
    }

    /**
     * The press changes nothing; the text under {@code reason} (a key of {@link Texts}) tells the presser
     * why, in a sentence.
     */
    record Refused(String reason) implements ButtonPress {
        /** Why, in the presser's language (English when null). */
        public String explanation(Language language) {
            return Texts.of(language).get(reason);
        }
    }
}
