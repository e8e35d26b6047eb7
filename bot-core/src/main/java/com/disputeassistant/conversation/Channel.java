package com.disputeassistant.conversation;

import com.disputeassistant.marketplace.ChannelIdentity;

/**
 * Port to one chat platform (Slack, Telegram, the web playground). The engine addresses people, not
 * sessions: each outbound message names its channel, and the matching {@code Channel} delivers it.
 */
public interface Channel {

    /** The channel name used in identities, e.g. {@code web}, {@code slack}, {@code telegram}. */
    String name();

    /** Delivers one message; implementations retry or queue on their own, and never drop silently. */
    void deliver(OutboundMessage message);

    /**
     * The message's recipient, who must be on this channel: {@link Delivery} routes by channel name, so
     * anything else is a routing bug, not a person's input.
     */
    default ChannelIdentity recipientOf(OutboundMessage message) {
        ChannelIdentity to = message.to().identity();
        if (!name().equals(to.channel())) {
            throw new IllegalArgumentException("the " + name() + " channel cannot deliver to " + to);
        }
        return to;
    }
}
