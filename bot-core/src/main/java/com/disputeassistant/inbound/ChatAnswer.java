package com.disputeassistant.inbound;

/**
 * What became of a {@link ChatEvent}, for the channel to finish the platform's side of it (answer a
 * Telegram callback query, show a Slack ephemeral message, open a Slack form).
 */
public sealed interface ChatAnswer {

    /**
     * The event went through the engine, and its replies (this many, for everyone concerned) were handed to
     * delivery; zero for a delivery seen before.
     */
    record Done(int replies) implements ChatAnswer {
    }

    /**
     * Nothing changed: show {@code text} to the person alone, where they acted (a refused press, a
     * message where the bot takes none). It says why and what to do instead.
     */
    record Notice(String text) implements ChatAnswer {
    }

    /**
     * A press of a button the channel added itself (its option id carries the channel's own prefix, such
     * as Slack's "open the form"): the press counted, and the channel does what the button is for.
     */
    record Local(String optionId) implements ChatAnswer {
    }

    /** The delivery was handled before (a platform's redelivery): nothing was done, and nothing is to do. */
    record Seen() implements ChatAnswer {
    }
}
