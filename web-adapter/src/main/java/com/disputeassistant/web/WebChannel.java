package com.disputeassistant.web;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.outbox.ReplyWrite;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser channel: a browser cannot be written to, so each message for a {@code web:} identity
 * goes into that identity's inbox in Redis, and the page polls for the messages after the last seq
 * it has. Redis, not this instance, holds the inbox, so any instance of the app can answer the poll.
 *
 * <p>Keys: {@code <prefix>web:inbox:{<identity>}} (a list of JSON messages, newest last, capped) and
 * {@code <prefix>web:seq:{<identity>}} (the identity's last seq). The braces put both keys in one hash
 * slot. A message is rendered as an inbox write ({@link ReplyWrite#toInbox}), which the turn's own atomic
 * write applies: it takes the next seq there, so seqs in the list are contiguous and a poll never sees a
 * gap.
 *
 * <p>Evidence files a message delivers ({@link OutboundMessage#attachments()}) are listed with it, by
 * reference: the page shows each as a link that downloads it ({@link EvidenceController}).
 */
class WebChannel implements Channel {
    static final String NAME = "web";
    /** The page shows a conversation, not an archive: the transcript in the store keeps everything. */
    static final int INBOX_CAPACITY = 500;

    private static final Logger log = LoggerFactory.getLogger(WebChannel.class);

    /*
     * Reads the last seq and the messages after ARGV[1] at one instant. Because seqs in the list are
     * contiguous and newest last, the messages after N are the last (last - N) entries: no parsing in
     * Redis, and a poll with nothing new costs one GET.
     */
    private static final String READ_AFTER = """
            local last = tonumber(redis.call('GET', KEYS[2]) or '0')
            local wanted = last - tonumber(ARGV[1])
            local result = {last}
            if wanted > 0 then
              local entries = redis.call('LRANGE', KEYS[1], -math.min(wanted, tonumber(ARGV[2])), -1)
              for i = 1, #entries do result[i + 1] = entries[i] end
            end
            return result
            """;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final UnifiedJedis redis;
    private final String keyPrefix;
    private final Clock clock;

    WebChannel(UnifiedJedis redis, String keyPrefix, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The message as the inbox write that numbers and stores it; its time is now, when the turn renders it. */
    @Override
    public List<ReplyWrite> render(OutboundMessage message) {
        ChannelIdentity to = recipientOf(message);
        List<InboxMessage.Attachment> attachments = message.attachments().stream()
                .map(ref -> InboxMessage.Attachment.of(message.dispute(), ref)).toList();
        String json = JSON.writeValueAsString(new Unnumbered(clock.instant(), message.text(), message.options(),
                attachments));
        List<String> keys = keysOf(to);
        return List.of(ReplyWrite.toInbox(keys.get(0), keys.get(1), json.substring(1), INBOX_CAPACITY));
    }

    /** The identity's messages with a seq above {@code after} (at most the capacity), oldest first. */
    InboxPage messagesAfter(ChannelIdentity identity, long after) {
        if (after < 0) {
            throw new IllegalArgumentException("after is a seq, never negative");
        }
        List<?> reply = (List<?>) redis.eval(READ_AFTER, keysOf(identity),
                List.of(Long.toString(after), Integer.toString(INBOX_CAPACITY)));
        long last = (Long) reply.get(0);
        List<InboxMessage> messages = new ArrayList<>(reply.size() - 1);
        for (Object entry : reply.subList(1, reply.size())) {
            try {
                messages.add(JSON.readValue((String) entry, InboxMessage.class));
            } catch (JacksonException e) {
                // Only this class writes these keys; a broken entry means someone edited Redis by hand.
                // Skip it rather than hide the whole conversation, and say so.
                log.warn("Skipping an unreadable message in the inbox of {}: {}", identity, e.getOriginalMessage());
            }
        }
        return new InboxPage(messages, last);
    }

    private List<String> keysOf(ChannelIdentity identity) {
        String slot = "{" + identity + "}";
        return List.of(keyPrefix + "web:inbox:" + slot, keyPrefix + "web:seq:" + slot);
    }

    /** What is stored, minus the seq that the write adds in front. */
    private record Unnumbered(Instant at, String text, List<ReplyOption> options,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InboxMessage.Attachment> attachments) {
    }
}
