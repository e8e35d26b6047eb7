package com.disputeassistant.web;

import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.List;

/**
 * What the bot last said to a {@code web:} identity, for another page of this application than the
 * playground (the mediator console shows a mediator the bot's answers to what they did there).
 */
public final class WebInboxes {
    private final WebChannel channel;

    WebInboxes(WebChannel channel) {
        this.channel = channel;
    }

    /** The texts of the identity's latest {@code count} messages, oldest first. */
    public List<String> latest(ChannelIdentity identity, int count) {
        List<InboxMessage> messages = channel.messagesAfter(identity, 0).messages();
        return messages.subList(Math.max(0, messages.size() - count), messages.size()).stream()
                .map(InboxMessage::text)
                .toList();
    }
}
