package com.disputeassistant.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The queue of one channel's outbound requests: a Redis stream, read through one consumer group by
 * the {@link OutboxSender} of every instance. An entry stays in the stream until it was sent or
 * dead-lettered, so a crash or a restart loses none: each sender keeps a heartbeat key alive, and the
 * entries of a sender whose heartbeat expired are taken over by another one, oldest first.
 *
 * <p>Keys, under the prefix {@code P}: {@code P outbox:{CHANNEL}} (the queue),
 * {@code P outbox:{CHANNEL}:dead} (requests given up on, with the reason, capped to the newest
 * {@value #DEAD_LETTER_CAP}) and {@code P outbox:{CHANNEL}:alive:CONSUMER} (a sender's heartbeat, with a
 * TTL of a few seconds). All carry the channel as hash tag, so the scripts below also run on Redis Cluster.
 */
public final class Outbox {
    static final String GROUP = "senders";
    static final int DEAD_LETTER_CAP = 10_000;

    /* All parts of one message are queued in one step: a reader never sees half of it. */
    private static final String APPEND = """
            for i = 1, #ARGV, 2 do
              redis.call('XADD', KEYS[1], '*', 'conversation', ARGV[i], 'payload', ARGV[i + 1])
            end
            return #ARGV / 2
            """;

    /* Sent: acknowledged and removed in one step, so the stream holds only what is still to send. */
    private static final String DONE = """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """;

    /* Moved to the dead letters in one step: never in neither, never in both. */
    private static final String DEAD = """
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[7], '*', 'conversation', ARGV[3], 'payload', ARGV[4],
                    'reason', ARGV[5], 'failedAt', ARGV[6])
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """;

    /*
     * Back to the queue in one step, never in both or neither; as new entries, so they get a fresh
     * retry period. Only those whose conversation starts with ARGV[1].
     */
    private static final String RESEND = """
            local moved = 0
            for _, entry in ipairs(redis.call('XRANGE', KEYS[2], '-', '+')) do
              local fields = {}
              for i = 1, #entry[2], 2 do fields[entry[2][i]] = entry[2][i + 1] end
              if string.sub(fields['conversation'], 1, #ARGV[1]) == ARGV[1] then
                redis.call('XADD', KEYS[1], '*', 'conversation', fields['conversation'], 'payload', fields['payload'])
                redis.call('XDEL', KEYS[2], entry[1])
                moved = moved + 1
              end
            end
            return moved
            """;

    /*
     * Before each send: renew the sender's heartbeat, check the entry is still its own, and that no older entry
     * of the same conversation is still in the stream. The stream holds only entries not yet sent, and every
     * entry older than one read is read too, so the older ones are those other senders hold: a few windows'
     * worth, never the backlog.
     */
    private static final String MAY_SEND = """
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[5])
            local mine = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1, ARGV[3])
            if #mine == 0 then return 0 end
            for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '(' .. ARGV[2])) do
              for i = 1, #entry[2], 2 do
                if entry[2][i] == 'conversation' and entry[2][i + 1] == ARGV[4] then return -1 end
              end
            end
            return 1
            """;

    /* A dead sender's entries to a live one, oldest first; the dead one leaves the group once it holds nothing. */
    private static final String TAKE_OVER = """
            if redis.call('EXISTS', KEYS[2]) == 1 then return {} end
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], 'IDLE', ARGV[4], '-', '+', ARGV[5], ARGV[2])
            local taken = {}
            if #pending > 0 then
              local ids = {}
              for i, p in ipairs(pending) do ids[i] = p[1] end
              taken = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], ARGV[4], unpack(ids))
            end
            if redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])[1] == nil then
              redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
            end
            return taken
            """;

    private static final String LEAVE = """
            redis.call('DEL', KEYS[2])
            if redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])[1] == nil then
              redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
            end
            return 1
            """;

    private final UnifiedJedis redis;
    private final String channel;
    private final String queueKey;
    private final String deadKey;

    public Outbox(UnifiedJedis redis, String keyPrefix, String channel) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.channel = Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.queueKey = queueKey(keyPrefix, channel);
        this.deadKey = queueKey + ":dead";
    }

    /**
     * The stream of a channel's outbox, for a script that queues entries in the same atomic step as
     * other writes (a dispute's commit): each stream entry has the fields {@code conversation} and
     * {@code payload} of an {@link OutboxEntry}.
     */
    public static String queueKey(String keyPrefix, String channel) {
        return keyPrefix + "outbox:{" + channel + "}";
    }

    /**
     * Queues the dead letters whose conversation starts with {@code conversationPrefix} again (all of
     * them for ""), with the same payloads, and removes them from the dead letters; returns how many.
     */
    public long resendDeadLetters(String conversationPrefix) {
        Objects.requireNonNull(conversationPrefix, "conversationPrefix");
        return (Long) redis.eval(RESEND, List.of(queueKey, deadKey), List.of(conversationPrefix));
    }

    /** This outbox's stream (see {@link #queueKey}), for replies rendered as {@link ReplyWrite#toOutbox} writes. */
    public String key() {
        return queueKey;
    }

    /** The channel whose requests this outbox holds. */
    public String channel() {
        return channel;
    }

    /** Queues the entries, in order, in one round trip and one atomic step. */
    public void append(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(entries.size() * 2);
        for (OutboxEntry entry : entries) {
            args.add(entry.conversation());
            args.add(entry.payload());
        }
        redis.eval(APPEND, List.of(queueKey), args);
    }

    /** How many requests wait to be sent, including those a sender holds. */
    public long waiting() {
        return redis.xlen(queueKey);
    }

    /**
     * How many requests wait and since when the oldest waits (by its stream id, the Redis server's clock):
     * two reads, for the metrics, which cache it.
     */
    public Backlog backlog() {
        long waiting = redis.xlen(queueKey);
        Optional<Instant> oldest = redis.xrange(queueKey, "-", "+", 1).stream().findFirst()
                .map(entry -> Instant.ofEpochMilli(entry.getID().getTime()));
        return new Backlog(waiting, oldest);
    }

    /** What waits in an outbox: how many requests, and since when the oldest. */
    public record Backlog(long waiting, Optional<Instant> oldestSince) {
        static final Backlog NONE = new Backlog(0, Optional.empty());
    }

    /** The requests given up on, oldest first. */
    public List<DeadLetter> deadLetters() {
        return redis.xrange(deadKey, "-", "+").stream().map(entry -> {
            Map<String, String> fields = entry.getFields();
            return new DeadLetter(new OutboxEntry(fields.get("conversation"), fields.get("payload")),
                    fields.get("reason"), Instant.parse(fields.get("failedAt")));
        }).toList();
    }

    /** A request the outbox gave up on, and why. */
    public record DeadLetter(OutboxEntry entry, String reason, Instant failedAt) {
    }

    // ---- for the sender ----

    /** Creates the consumer group if missing; from the start of the stream, so nothing queued is skipped. */
    void createGroup() {
        try {
            redis.xgroupCreate(queueKey, GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Entries no sender has taken yet, waiting up to {@code block} for one (no wait when zero). */
    List<Queued> takeNew(String consumer, int count, Duration block) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(count);
        if (!block.isZero()) {
            params.block((int) Math.max(1, block.toMillis()));
        }
        var reply = redis.xreadGroup(GROUP, consumer, params,
                Map.of(queueKey, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        List<Queued> taken = new ArrayList<>();
        if (reply != null) {
            reply.forEach(stream -> stream.getValue().forEach(entry -> taken.add(Queued.of(entry))));
        }
        return taken;
    }

    /** Says that {@code consumer} is alive for {@code ttl} more: until then nobody takes over what it holds. */
    void alive(String consumer, Duration ttl) {
        redis.psetex(aliveKey(consumer), Math.max(1, ttl.toMillis()), "1");
    }

    /**
     * Whether {@code consumer} may send {@code queued} now, renewing its heartbeat for {@code ttl} in the same
     * step (so nobody can take the entry over for at least {@code ttl}): {@link SendCheck#GO} if the entry is
     * still its own and no older entry of the same conversation waits in the stream (held by another sender,
     * alive or dead), {@link SendCheck#WAIT} if one does, {@link SendCheck#GONE} if the entry is no longer its
     * own (taken over while this sender could not reach Redis, or already sent).
     */
    SendCheck maySend(String consumer, Queued queued, Duration ttl) {
        Object verdict = redis.eval(MAY_SEND, List.of(queueKey, aliveKey(consumer)), List.of(GROUP,
                queued.id().toString(), consumer, queued.entry().conversation(), Long.toString(Math.max(1, ttl.toMillis()))));
        return switch (((Long) verdict).intValue()) {
            case 1 -> SendCheck.GO;
            case 0 -> SendCheck.GONE;
            default -> SendCheck.WAIT;
        };
    }

    /** What {@link #maySend} found. */
    enum SendCheck { GO, WAIT, GONE }

    /** The other consumers the group knows, alive or not. */
    List<String> otherConsumers(String consumer) {
        try {
            return redis.xinfoConsumers2(queueKey, GROUP).stream().map(StreamConsumerInfo::getName)
                    .filter(name -> !name.equals(consumer)).toList();
        } catch (JedisDataException e) {
            return List.of(); // no stream or group yet
        }
    }

    /**
     * If {@code other}'s heartbeat expired: moves up to {@code count} of the entries it held to {@code consumer},
     * oldest first (only those untouched for {@code minIdle}), and removes {@code other} from the group once it
     * holds nothing. One atomic step, so a sender that comes back to life between the check and the move finds
     * its entries gone rather than sending them too. Returns the entries taken, in stream order.
     */
    List<Queued> takeOverFrom(String other, String consumer, Duration minIdle, int count) {
        Object reply = redis.eval(TAKE_OVER, List.of(queueKey, aliveKey(other)), List.of(GROUP, other, consumer,
                Long.toString(minIdle.toMillis()), Integer.toString(count)));
        List<Queued> taken = new ArrayList<>();
        for (Object entry : (List<?>) reply) {
            List<?> parts = (List<?>) entry;
            if (parts == null || parts.size() < 2 || parts.get(1) == null) {
                continue;
            }
            List<?> flat = (List<?>) parts.get(1);
            Map<String, String> fields = new java.util.HashMap<>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
            }
            taken.add(new Queued(new StreamEntryID(String.valueOf(parts.get(0))),
                    new OutboxEntry(fields.get("conversation"), fields.get("payload"))));
        }
        return taken;
    }

    /**
     * A sender that stops: its heartbeat goes at once, so another sender takes over what it still holds without
     * waiting for it to expire, and it leaves the group if it holds nothing.
     */
    void leave(String consumer) {
        redis.eval(LEAVE, List.of(queueKey, aliveKey(consumer)), List.of(GROUP, consumer));
    }

    private String aliveKey(String consumer) {
        return queueKey + ":alive:" + consumer;
    }

    void done(StreamEntryID id) {
        redis.eval(DONE, List.of(queueKey), List.of(GROUP, id.toString()));
    }

    void deadLetter(Queued queued, String reason, Instant at) {
        redis.eval(DEAD, List.of(queueKey, deadKey), List.of(GROUP, queued.id().toString(),
                queued.entry().conversation(), queued.entry().payload(), reason, at.toString(),
                Integer.toString(DEAD_LETTER_CAP)));
    }

    /** An entry as read from the stream. */
    record Queued(StreamEntryID id, OutboxEntry entry) {
        static Queued of(StreamEntry entry) {
            Map<String, String> fields = entry.getFields();
            return new Queued(entry.getID(), new OutboxEntry(fields.get("conversation"), fields.get("payload")));
        }
    }
}
