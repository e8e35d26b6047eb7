package com.disputeassistant.conversation;

/**
 * Port to one chat platform (Slack, Telegram, the web playground). The engine addresses people, not
 * sessions: each outbound message names its channel, and the matching {@code Channel} delivers it.
 */
public interface Channel {

    /** The channel name used in identities, e.g. {@code web}, {@code slack}, {@code telegram}. */
    String name();

    /** Delivers one message; implementations retry or queue on their own, and never drop silently. */
    void deliver(OutboundMessage message);
}
