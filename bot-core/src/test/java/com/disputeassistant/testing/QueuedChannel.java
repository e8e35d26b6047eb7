package com.disputeassistant.testing;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.ReplyWrite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A {@code web} channel for tests that renders as the real channels do, into a real Redis stream: each
 * message becomes one stream entry, which only the store writes (with the turn's commit, or with the
 * handled-marker of a turn that changed nothing). {@link #queued()} reads back what was written, so a
 * test sees exactly the replies that a real channel's sender would send, not those merely rendered.
 */
public final class QueuedChannel implements Channel {
    private static final AtomicLong CHANNELS = new AtomicLong();

    private final UnifiedJedis redis;
    private final String key;
    /** Every message rendered, by the payload its entry carries; an entry names one of these. */
    private final Map<String, OutboundMessage> rendered = new ConcurrentHashMap<>();
    private final AtomicLong renderings = new AtomicLong();
    /** When set, every rendering waits here: so two turns in flight at once both render before either commits. */
    private volatile CyclicBarrier rendezvous;

    /** A channel whose stream is under {@code keyPrefix}. */
    public QueuedChannel(UnifiedJedis redis, String keyPrefix) {
        this.redis = redis;
        // A stream of its own: each channel knows only the messages it rendered itself.
        this.key = keyPrefix + "test-outbox:" + CHANNELS.incrementAndGet() + ":{web}";
    }

    @Override
    public String name() {
        return "web";
    }

    /** Makes every rendering from now on wait at {@code barrier} (for at most ten seconds). */
    public void meetAtEachRendering(CyclicBarrier barrier) {
        this.rendezvous = barrier;
    }

    @Override
    public List<ReplyWrite> render(OutboundMessage message) {
        CyclicBarrier barrier = rendezvous;
        if (barrier != null) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other turn never rendered its replies", e);
            }
        }
        String payload = Long.toString(renderings.incrementAndGet());
        rendered.put(payload, message);
        return List.of(ReplyWrite.toOutbox(key, new OutboxEntry(message.to().identity().toString(), payload)));
    }

    /** Every message queued so far, in the order queued. */
    public List<OutboundMessage> queued() {
        return redis.xrange(key, "-", "+").stream().map(StreamEntry::getFields)
                .map(fields -> rendered.get(fields.get("payload"))).toList();
    }

    /** The messages queued for one identity, such as {@code web:carol}, in order. */
    public List<OutboundMessage> queuedTo(String identity) {
        return queued().stream().filter(m -> m.to().identity().toString().equals(identity)).toList();
    }

    /** How many messages were rendered, queued or not. */
    public long renderings() {
        return renderings.get();
    }
}
