package com.disputeassistant.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;

/**
 * Drains one channel's {@link Outbox} on a thread of its own: sends each entry through the channel's
 * {@link PlatformSender}, in order per conversation, no faster than the {@link SendPacing} allows, and
 * removes it only once the platform accepted it.
 *
 * <p>A 429 waits the time the platform asked for; other transient failures back off exponentially
 * (with jitter if the pacing says so); after {@code maxAttempts}, once the pacing's
 * {@link SendPacing#giveUpAfter} has passed since the entry was queued, or at once for a permanent
 * failure, the entry moves to the dead letters with its reason and an error is logged. Nothing is
 * dropped silently.
 *
 * <p><b>Several instances</b> can drain one outbox: each entry goes to one of them, and each holds at most
 * {@value #WINDOW} entries ahead. One conversation's entries keep their order across instances: before each
 * send the sender checks, in the same Redis step that renews its heartbeat, that the entry is still its own
 * and that no older entry of that conversation is still waiting with another sender; if one is, it waits.
 * An entry leaves the stream only once sent (or dead-lettered), so an older entry held by a dead sender
 * blocks the younger ones until whoever takes it over has sent it. The platform's limits are shared the
 * same way: right before each call the sender takes the send from the {@link SendLimits} all instances
 * count against, and waits the time they name when they are used up.
 *
 * <p><b>A dead instance</b>: every sender keeps a heartbeat key with a TTL of {@link #heartbeat} (at most
 * {@link #HEARTBEAT}), renewed from a thread of its own three times per TTL, and before each send. Every
 * sender looks every second for consumers of the group whose heartbeat expired, takes over what they held,
 * oldest first, and removes them from the group once they hold nothing. After a {@code kill -9} the
 * entries it held are therefore sent by another instance within about {@link #HEARTBEAT} plus a second. A
 * sender that closes normally deletes its heartbeat, so its entries are taken over at once. The heartbeat
 * also stops when one send takes longer than {@code abandonedAfter}: a sender stuck in a call that never
 * returns counts as dead.
 *
 * <p><b>Sent once</b>, with two windows left where an entry can be sent twice (at least once, never lost):
 * the instance dies (or loses Redis) after the platform accepted a message and before its removal from the
 * stream reached Redis — one message per instance and channel, a round trip wide; or one send takes longer
 * than the heartbeat lasts while the sender cannot renew it (Redis unreachable, the process frozen), so the
 * entry was taken over mid-send. A message the platform accepted is never sent again by the same sender:
 * if marking it sent fails, only the marking is retried. After a Redis outage a sender takes nothing over
 * until it has renewed its own heartbeat for a whole TTL, so live senders are not mistaken for dead ones
 * because their heartbeats expired while nobody could reach Redis.
 */
public final class OutboxSender implements AutoCloseable {
    /** The default longest single send: a sender inside one send for longer counts as stuck, and is taken over. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    /** The longest heartbeat TTL: how long after its last sign of life a dead sender's entries wait. */
    static final Duration HEARTBEAT = Duration.ofSeconds(3);
    /** How many entries a sender holds ahead: all of them wait for another sender if this one dies. */
    static final int WINDOW = 64;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);
    private static final Duration AFTER_REDIS_FAILURE = Duration.ofSeconds(1);
    /** How often to look again whether an older entry of the conversation, held by another sender, is gone. */
    private static final Duration OLDER_ELSEWHERE = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final PlatformSender sender;
    private final SendPacing pacing;
    private final SendLimits limits;
    private final Clock clock;
    private final Duration abandonedAfter;
    private final Duration heartbeat;
    private final Duration lookForDeadEvery;
    private final String consumer = "sender-" + UUID.randomUUID();
    private final OutboxMeters meters;

    /** Held entries per conversation, oldest first; conversations in the order they first had one. */
    private final Map<String, TreeMap<StreamEntryID, Held>> held = new LinkedHashMap<>();
    private final Map<String, Instant> conversationFreeAt = new HashMap<>();
    private int heldCount;
    private Instant platformFreeAt = Instant.EPOCH;
    private Instant nextLookForDead = Instant.EPOCH;

    /** System.nanoTime() when the current send began, or 0 outside a send; read by the heartbeat thread. */
    private volatile long sendingSince;
    /** System.nanoTime() of the last failure to reach Redis (or of the start): take nothing over for a TTL after it. */
    private volatile long redisTroubleAt = System.nanoTime();

    private volatile boolean running;
    private Thread thread;
    private Thread heartbeatThread;

    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, Clock clock) {
        this(outbox, sender, pacing, clock, ABANDONED_AFTER);
    }

    /** Counting in {@code meters}; see {@link OutboxMeters}. */
    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, Clock clock, MeterRegistry meters) {
        this(outbox, sender, pacing, clock, ABANDONED_AFTER, meters);
    }

    /**
     * With another longest single send than {@link #ABANDONED_AFTER}: a sender that has been inside one
     * {@link PlatformSender#send} for longer stops its heartbeat, and another one takes over what it held. It
     * must stay well above the longest send that still succeeds, or an entry still being handled is taken over
     * and handled twice. Below {@link #HEARTBEAT} it is also the heartbeat's TTL (tests use that).
     */
    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, Clock clock, Duration abandonedAfter) {
        this(outbox, sender, pacing, clock, abandonedAfter, new CompositeMeterRegistry());
    }

    /** Counting its sends, 429s and dead letters, and showing the outbox's backlog, in {@code meters} ({@link OutboxMeters}). */
    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, Clock clock, Duration abandonedAfter,
                        MeterRegistry meters) {
        this(outbox, sender, pacing, SendLimits.NONE, clock, abandonedAfter, meters);
    }

    /**
     * Within the platform's {@code limits} as all instances share them (a chat platform's, through
     * {@link RedisSendLimits}), as well as this instance's {@code pacing}.
     */
    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, SendLimits limits, Clock clock,
                        MeterRegistry meters) {
        this(outbox, sender, pacing, limits, clock, ABANDONED_AFTER, meters);
    }

    /** All of the above; see {@link #OutboxSender(Outbox, PlatformSender, SendPacing, Clock, Duration)} for {@code abandonedAfter}. */
    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, SendLimits limits, Clock clock,
                        Duration abandonedAfter, MeterRegistry meters) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.meters = new OutboxMeters(meters, outbox, clock);
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.abandonedAfter = Objects.requireNonNull(abandonedAfter, "abandonedAfter");
        this.heartbeat = abandonedAfter.compareTo(HEARTBEAT) < 0 ? abandonedAfter : HEARTBEAT;
        // Three renewals per TTL: one late or lost renewal never makes a live sender look dead.
        this.lookForDeadEvery = heartbeat.dividedBy(3).compareTo(LONGEST_WAIT) < 0 ? heartbeat.dividedBy(3) : LONGEST_WAIT;
    }

    /** The heartbeat's TTL: a dead sender's entries are taken over this long after its last sign of life. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** Starts the sending thread; entries queued before the start are sent too. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        outbox.createGroup();
        outbox.alive(consumer, heartbeat);
        running = true;
        heartbeatThread = new Thread(this::beat, "outbox-" + outbox.channel() + "-alive");
        heartbeatThread.setDaemon(true);
        heartbeatThread.start();
        thread = new Thread(this::run, "outbox-" + outbox.channel());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops after the current send. Entries still held stay in the outbox, pending for this sender; its
     * heartbeat is deleted, so another instance takes them over at once (or the next start does).
     */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(LONGEST_WAIT.multipliedBy(3).toMillis());
                heartbeatThread.interrupt();
                heartbeatThread.join(LONGEST_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!thread.isAlive()) {
                // Still inside a send: let the heartbeat expire instead, or the entry would be taken over mid-send.
                try {
                    outbox.leave(consumer);
                } catch (RuntimeException e) {
                    log.warn("Outbox of {}: could not leave the group ({}); others take over once the heartbeat expires",
                            outbox.channel(), e.toString());
                }
            }
        }
    }

    /** This sender's consumer name in the group (and its heartbeat key's last part). */
    String consumerName() {
        return consumer;
    }

    /**
     * Stops both threads as a {@code kill -9} would, for tests: nothing held is acknowledged or handed back,
     * the heartbeat just stops and expires.
     */
    void haltAsIfKilled() {
        running = false;
        if (heartbeatThread != null) {
            heartbeatThread.interrupt();
        }
    }

    /** The heartbeat, on its own thread so that a slow send does not stop it; a stuck one does. */
    private void beat() {
        long every = Math.max(1, heartbeat.toMillis() / 3);
        while (running) {
            long since = sendingSince;
            if (since == 0 || System.nanoTime() - since < abandonedAfter.toNanos()) {
                try {
                    outbox.alive(consumer, heartbeat);
                } catch (RuntimeException e) {
                    redisTroubleAt = System.nanoTime();
                }
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void run() {
        while (running) {
            try {
                Instant now = clock.instant();
                if (!now.isBefore(nextLookForDead)) {
                    takeOverTheDead(now);
                }
                Duration wait = sendWhatIsDue();
                if (heldCount < WINDOW) {
                    hold(outbox.takeNew(consumer, WINDOW - heldCount, wait));
                } else if (!wait.isZero()) {
                    Thread.sleep(wait.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Redis unreachable, most likely: what is held stays held, and we try again shortly.
                redisTroubleAt = System.nanoTime();
                log.warn("Outbox of {}: {}; retrying in {}", outbox.channel(), e.toString(), AFTER_REDIS_FAILURE);
                sleepQuietly(AFTER_REDIS_FAILURE);
            }
        }
    }

    /**
     * Takes over what senders whose heartbeat expired held, and removes them from the group. Not within a
     * heartbeat's TTL after this sender last failed to reach Redis: the others' heartbeats may have expired
     * only because nobody could reach it, and they get that long to renew them.
     */
    private void takeOverTheDead(Instant now) {
        nextLookForDead = now.plus(lookForDeadEvery);
        if (System.nanoTime() - redisTroubleAt < heartbeat.toNanos()) {
            return;
        }
        for (String other : outbox.otherConsumers(consumer)) {
            List<Outbox.Queued> taken = outbox.takeOverFrom(other, consumer, heartbeat, WINDOW);
            if (!taken.isEmpty()) {
                log.info("Outbox of {}: took over {} entries from {}, whose heartbeat stopped", outbox.channel(),
                        taken.size(), other);
                hold(taken);
            }
        }
    }

    private void hold(List<Outbox.Queued> entries) {
        for (Outbox.Queued queued : entries) {
            Held previous = held.computeIfAbsent(queued.entry().conversation(), conversation -> new TreeMap<>())
                    .put(queued.id(), new Held(queued));
            if (previous == null) {
                heldCount++;
            }
        }
    }

    /**
     * Sends the oldest entry of every conversation that may receive one now, as far as the platform's
     * overall rate allows; returns how long until the next entry is due (zero if one is due now).
     */
    private Duration sendWhatIsDue() {
        Instant now = clock.instant();
        Instant nextDue = earlier(now.plus(LONGEST_WAIT), nextLookForDead);
        for (String conversation : new ArrayList<>(held.keySet())) {
            Instant freeAt = conversationFreeAt.getOrDefault(conversation, Instant.EPOCH);
            if (now.isBefore(freeAt)) {
                nextDue = earlier(nextDue, freeAt);
                continue;
            }
            if (now.isBefore(platformFreeAt)) {
                nextDue = earlier(nextDue, platformFreeAt);
                break;
            }
            TreeMap<StreamEntryID, Held> entries = held.get(conversation);
            Held oldest = entries.firstEntry().getValue();
            Attempt result = attempt(oldest, now);
            Instant next = result.retryAt();
            if (result.calledPlatform()) {
                platformFreeAt = now.plus(pacing.betweenAnyTwo());
            }
            if (result.finished()) {
                entries.pollFirstEntry();
                heldCount--;
                if (entries.isEmpty()) {
                    held.remove(conversation);
                }
                // Counted from when the platform took the message, not from when we started sending it.
                next = result.calledPlatform() ? clock.instant().plus(pacing.perConversation()) : now;
            }
            conversationFreeAt.put(conversation, next);
            if (held.containsKey(conversation)) {
                nextDue = earlier(nextDue, next);
            } else if (!next.isAfter(now)) {
                conversationFreeAt.remove(conversation);
            }
            now = clock.instant();
        }
        forgetIdleConversations(now);
        Duration wait = Duration.between(clock.instant(), nextDue);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** What came of one attempt: finished with (sent, dead-lettered or no longer ours), or when to try again. */
    private record Attempt(boolean finished, Instant retryAt, boolean calledPlatform) {
        static Attempt finished(boolean calledPlatform) {
            return new Attempt(true, null, calledPlatform);
        }

        static Attempt later(Instant at, boolean calledPlatform) {
            return new Attempt(false, at, calledPlatform);
        }
    }

    /** Tries one entry, unless an older one of its conversation is still with another sender. */
    private Attempt attempt(Held entry, Instant now) {
        if (!entry.sent) {
            Outbox.SendCheck check = outbox.maySend(consumer, entry.queued, heartbeat);
            if (check == Outbox.SendCheck.GONE) {
                log.info("Outbox of {}: an entry for {} was taken over by another sender while this one could not "
                        + "reach Redis; not sending it", outbox.channel(), entry.queued.entry().conversation());
                return Attempt.finished(false);
            }
            if (check == Outbox.SendCheck.WAIT) {
                return Attempt.later(now.plus(OLDER_ELSEWHERE), false);
            }
            // Asked last, right before the call, so that a send taken from the shared budget is a send made.
            Duration limited = limits.take(entry.queued.entry().conversation());
            if (!limited.isZero()) {
                return Attempt.later(now.plus(limited), false);
            }
            entry.attempts++;
            sendingSince = System.nanoTime() | 1;
            try {
                sender.send(entry.queued.entry());
                entry.sent = true;
            } catch (SendFailure failure) {
                return afterFailure(entry, now, failure.kind(), failure.getMessage(), failure.retryAfter().orElse(null));
            } catch (RuntimeException bug) {
                // A sender should say what went wrong with a SendFailure; an exception is still retried, and logged.
                log.warn("Sender of {} threw instead of reporting a SendFailure", outbox.channel(), bug);
                return afterFailure(entry, now, SendFailure.Kind.TRANSIENT, bug.toString(), null);
            } finally {
                sendingSince = 0;
            }
            meters.sent.increment();
        }
        try {
            outbox.done(entry.queued.id());
        } catch (RuntimeException redisDown) {
            // Sent: only the marking is tried again, never the send.
            redisTroubleAt = System.nanoTime();
            log.warn("Outbox of {}: sent, but could not mark it sent ({}); trying that again in {}", outbox.channel(),
                    redisDown.toString(), AFTER_REDIS_FAILURE);
            return Attempt.later(now.plus(AFTER_REDIS_FAILURE), false);
        }
        return Attempt.finished(true);
    }

    private Attempt afterFailure(Held entry, Instant now, SendFailure.Kind kind, String why, Duration retryAfter) {
        String to = entry.queued.entry().conversation();
        Instant queuedAt = Instant.ofEpochMilli(entry.queued.id().getTime());
        boolean expired = pacing.expired(queuedAt, now);
        if (kind == SendFailure.Kind.RETRY_AFTER) {
            meters.rateLimited.increment();
        }
        if (kind == SendFailure.Kind.PERMANENT || entry.attempts >= pacing.maxAttempts() || expired) {
            String reason = kind == SendFailure.Kind.PERMANENT ? why
                    : expired ? "gave up after trying for " + pacing.giveUpAfter() + " (" + entry.attempts
                            + " attempts); last: " + why
                    : "gave up after " + entry.attempts + " attempts; last: " + why;
            log.error("Outbox of {}: message to {} not delivered ({}); kept in the dead letters",
                    outbox.channel(), to, reason);
            outbox.deadLetter(entry.queued, reason, now);
            meters.dead.increment();
            meters.deadLetters.increment();
            return Attempt.finished(true);
        }
        meters.retried.increment();
        Duration wait = kind == SendFailure.Kind.RETRY_AFTER ? retryAfter : pacing.waitAfter(entry.attempts);
        log.warn("Outbox of {}: message to {} failed ({}), attempt {}{}; retrying in {}", outbox.channel(), to, why,
                entry.attempts, pacing.giveUpAfter() == null ? " of " + pacing.maxAttempts() : "", wait);
        return Attempt.later(now.plus(wait), true);
    }

    /** Pacing only matters while a conversation's last send is recent: drop what can no longer delay anything. */
    private void forgetIdleConversations(Instant now) {
        if (conversationFreeAt.size() > 4 * WINDOW) {
            conversationFreeAt.entrySet().removeIf(e -> !held.containsKey(e.getKey()) && !now.isBefore(e.getValue()));
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void sleepQuietly(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An entry this sender holds, how often it was tried, and whether the platform accepted it. */
    private static final class Held {
        private final Outbox.Queued queued;
        private int attempts;
        private boolean sent;

        Held(Outbox.Queued queued) {
            this.queued = queued;
        }
    }
}
