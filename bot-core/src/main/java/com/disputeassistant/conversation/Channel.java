package com.disputeassistant.conversation;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.outbox.ReplyWrite;
import java.util.List;

/**
 * Port to one chat platform (Slack, Telegram, the web playground). The engine addresses people, not
 * sessions: each outbound message names its channel, and the matching {@code Channel} renders it.
 *
 * <p>A channel renders, it does not write: it turns a message into the queue writes that deliver it (an
 * outbox stream entry per part, an inbox message), and the store applies a turn's writes in the same
 * atomic step as the turn itself ({@link Delivery}). So a reply is queued exactly when its turn is
 * applied, once, and nothing is appended after a commit.
 */
public interface Channel {

    /** The channel name used in identities, e.g. {@code web}, {@code slack}, {@code telegram}. */
    String name();

    /**
     * The writes that queue one message for sending, in order. Rendering may register the message's
     * buttons ({@code ReplyTokens}) already: if the turn then does not commit, those tokens name a message
     * nobody received, which nobody can press, and which expire.
     */
    List<ReplyWrite> render(OutboundMessage message);

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
