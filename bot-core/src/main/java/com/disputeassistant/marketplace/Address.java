package com.disputeassistant.marketplace;

import java.util.Objects;

/**
 * Where a person can be reached: their identity on a channel and, where the channel has one, the
 * conversation to post into (a Slack DM channel, a Telegram chat). Stored per party so the bot can
 * write to someone who is not the sender of the current message.
 */
public record Address(ChannelIdentity identity, String conversation) {
    public Address {
        Objects.requireNonNull(identity, "identity");
        conversation = conversation == null || conversation.isBlank() ? identity.id() : conversation;
    }

    public static Address of(ChannelIdentity identity) {
        return new Address(identity, null);
    }

    public String channel() {
        return identity.channel();
    }
}
