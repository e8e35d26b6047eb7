package com.disputeassistant.telegram;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.outbox.ReplyWrite;
import com.disputeassistant.testing.QueuedChannel;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The {@code web} channel in tests: keeps what people on the web were sent (what the turns' writes queued,
 * see {@link QueuedChannel}), for a dispute across channels.
 */
public final class RecordingWebChannel implements Channel {
    private final QueuedChannel queued;

    public RecordingWebChannel(UnifiedJedis redis, String keyPrefix) {
        this.queued = new QueuedChannel(redis, keyPrefix);
    }

    @Override
    public String name() {
        return queued.name();
    }

    @Override
    public List<ReplyWrite> render(OutboundMessage message) {
        return queued.render(message);
    }

    /** The texts sent to one web identity, such as {@code web:carol}, in order. */
    public List<String> textsTo(String identity) {
        return sentTo(identity).stream().map(OutboundMessage::text).toList();
    }

    /** The id of the newest option offered to {@code identity} whose label starts with {@code label}. */
    public String optionId(String identity, String label) {
        List<OutboundMessage> messages = sentTo(identity);
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (ReplyOption option : messages.get(i).options()) {
                if (option.label().startsWith(label)) {
                    return option.id();
                }
            }
        }
        throw new AssertionError("no option '" + label + "' offered to " + identity + " in " + textsTo(identity));
    }

    private List<OutboundMessage> sentTo(String identity) {
        return queued.queuedTo(identity);
    }
}
