package com.disputeassistant.conversation;

import com.disputeassistant.outbox.ReplyWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders all replies of a turn: each outbound message by the channel its address names, so one turn can
 * reach a client on Telegram and an expert on Slack. What it renders is written by the store, with the
 * turn ({@link com.disputeassistant.store.Change#replies()}) or, for a turn that changed nothing, with its
 * handled-marker ({@link com.disputeassistant.store.DisputeStore#queueReplies}).
 */
public final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final Map<String, Channel> channels;
    private final boolean warnUnrendered;

    public Delivery(List<Channel> channels) {
        this(channels, true);
    }

    private Delivery(List<Channel> channels, boolean warnUnrendered) {
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));
        this.warnUnrendered = warnUnrendered;
    }

    /**
     * No channel: the replies are only returned by the engine and kept in the transcript, for a caller that
     * shows them itself (a test, a benchmark).
     */
    public static Delivery none() {
        return new Delivery(List.of(), false);
    }

    /** The writes that queue these messages, in order. */
    public List<ReplyWrite> render(List<OutboundMessage> messages) {
        List<ReplyWrite> writes = new ArrayList<>();
        for (OutboundMessage message : messages) {
            Channel channel = channels.get(message.to().channel());
            if (channel == null) {
                if (warnUnrendered) {
                    // A person reachable only on a channel this instance does not run (e.g. Slack without a
                    // token): the message stays in the dispute's transcript, so nothing is lost, but say so.
                    log.warn("No channel '{}' is enabled; message to {} kept only in the transcript",
                            message.to().channel(), message.to().identity());
                }
                continue;
            }
            writes.addAll(channel.render(message));
        }
        return writes;
    }
}
