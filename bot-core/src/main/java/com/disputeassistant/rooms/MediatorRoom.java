package com.disputeassistant.rooms;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * One chat platform's mediators' room (a Slack channel, a Telegram group): the engine addresses each
 * mediator, and the room shows what concerns a dispute once, in that dispute's thread.
 *
 * <ul>
 *   <li>{@link #threadOf}/{@link #rememberThread}/{@link #disputeOf}: the thread of each dispute (a Slack
 *       message ts, a Telegram topic or message id), both ways, so a reply in a thread is about its dispute.</li>
 *   <li>{@link #firstCopy}: the engine sends a hand-off to every mediator; the room
 *       posts it once, and a later hand-off in the same words once again.</li>
 *   <li>{@link #identity()}: buttons posted in the room are registered for the room, not for one
 *       mediator, so that any allow-listed mediator may press them; the adapter checks the presser is a
 *       mediator, and the engine checks what that mediator may do.</li>
 * </ul>
 *
 * <p>Keys under the prefix {@code P}: {@code P room:{CHANNEL}:thread:DISPUTE},
 * {@code P room:{CHANNEL}:dispute:THREAD},
 * {@code P room:{CHANNEL}:sent:DISPUTE:HASH} (how often one mediator was sent one text) and
 * {@code P room:{CHANNEL}:posted:DISPUTE:HASH:N} (the N-th copy was posted), and
 * {@code P room:{CHANNEL}:card:DISPUTE} (who is posting the card). Threads are
 * kept {@link #THREAD_TTL} after they were last used.
 */
public final class MediatorRoom {
    static final Duration THREAD_TTL = Duration.ofDays(90);
    /** Long enough to collapse one turn's copies for every mediator; short enough to post a repeat later. */
    static final Duration SAME_POST_WINDOW = Duration.ofMinutes(5);
    /** Far above the one call posting a card takes; a crashed poster's lease ends by then. */
    public static final Duration CARD_LEASE = Duration.ofSeconds(10);

    /* Both directions in one step, so no instance sees a thread without its dispute. */
    private static final String REMEMBER = """
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
            redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
            return 1
            """;
    /*
     * KEYS[1]: how often this mediator was sent these words about the dispute. ARGV: window in seconds, and
     * the prefix of the "n-th copy was posted" marker. The n-th copy is posted by whichever mediator's
     * copy comes first; one round trip, in the room's hash slot.
     */
    private static final String FIRST_COPY = """
            local n = redis.call('INCR', KEYS[1])
            redis.call('EXPIRE', KEYS[1], ARGV[1])
            if redis.call('SET', ARGV[2] .. n, '1', 'NX', 'EX', ARGV[1]) then return 1 end
            return 0
            """;

    private final UnifiedJedis redis;
    private final String channel;
    private final String prefix;

    public MediatorRoom(UnifiedJedis redis, String keyPrefix, String channel) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix") + "room:{" + channel + "}:";
    }

    /** The identity the room's buttons are registered for: {@code <channel>-room:mediators}. */
    public ChannelIdentity identity() {
        return new ChannelIdentity(channel + "-room", "mediators");
    }

    /** The thread of a dispute, if the room has one. */
    public Optional<String> threadOf(DisputeId dispute) {
        return Optional.ofNullable(redis.get(prefix + "thread:" + dispute.value()));
    }

    /** The dispute a thread belongs to, if any. */
    public Optional<DisputeId> disputeOf(String thread) {
        if (thread == null || thread.isBlank() || thread.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.get(prefix + "dispute:" + thread)).map(DisputeId::new);
    }

    /** Records the dispute's thread (its card), both ways. */
    public void rememberThread(DisputeId dispute, String thread) {
        Objects.requireNonNull(thread, "thread");
        redis.eval(REMEMBER, List.of(prefix + "thread:" + dispute.value(), prefix + "dispute:" + thread),
                List.of(thread, dispute.value(), Long.toString(THREAD_TTL.toSeconds())));
    }

    /**
     * Whether the room shows this message the engine sent {@code mediator} about the dispute: the n-th time
     * one mediator is sent these words is shown once, for whichever mediator's copy comes first. So the
     * copies of one turn for every mediator are posted once, while the same words in a later turn (a second
     * hand-off after a hand-back, a party writing "ok" twice) are posted again, once.
     */
    public boolean firstCopy(ChannelIdentity mediator, DisputeId dispute, String post) {
        Object first = redis.eval(FIRST_COPY, List.of(prefix + "sent:" + dispute.value() + ":" + sha256(mediator + "\n" + post)),
                List.of(Long.toString(SAME_POST_WINDOW.toSeconds()), prefix + "posted:" + dispute.value() + ":" + sha256(post) + ":"));
        return Long.valueOf(1).equals(first);
    }

    /**
     * Takes the lease to post the dispute's card ({@code P room:{CHANNEL}:card:DISPUTE}, for {@link
     * #CARD_LEASE}), or finds that {@code poster} holds it already (a retry of its own post). With several
     * instances, one room's queued posts may be split between them: the one that posts the card holds
     * the lease, and another waits, then finds the thread.
     */
    public boolean leaseCard(DisputeId dispute, String poster) {
        String key = prefix + "card:" + dispute.value();
        return "OK".equals(redis.set(key, poster, SetParams.setParams().nx().ex(CARD_LEASE.toSeconds())))
                || poster.equals(redis.get(key));
    }

    /** Ends the card's lease once the card is posted and its thread remembered. */
    public void releaseCard(DisputeId dispute) {
        redis.del(prefix + "card:" + dispute.value());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
