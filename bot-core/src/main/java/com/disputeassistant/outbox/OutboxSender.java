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
 * <p>Several instances can drain one outbox: each entry goes to one of them. One conversation's entries
 * are read in order but may then be split between instances, so with several instances the per-chat
 * pacing and order are per instance. Entries held by a stopped instance are taken over after
 * {@link #ABANDONED_AFTER}; while this sender holds an entry it tells the group so, however long the
 * entry waits for its retry, so a slow retry is never sent twice. Entries taken over from a stopped
 * sender may reach their conversation after newer ones.
 */
public final class OutboxSender implements AutoCloseable {
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);
    private static final Duration AFTER_REDIS_FAILURE = Duration.ofSeconds(1);
    /** Read no more than this many ahead: a platform that refuses everything must not fill the heap. */
    private static final int MAX_HELD = 1_000;
    private static final int READ_BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final PlatformSender sender;
    private final SendPacing pacing;
    private final Clock clock;
    private final Duration abandonedAfter;
    private final Duration stillHeldEvery;
    private final String consumer = "sender-" + UUID.randomUUID();
    private final OutboxMeters meters;

    /** Held entries per conversation, oldest first; conversations in the order they first had one. */
    private final Map<String, TreeMap<StreamEntryID, Held>> held = new LinkedHashMap<>();
    private final Map<String, Instant> conversationFreeAt = new HashMap<>();
    private int heldCount;
    private Instant platformFreeAt = Instant.EPOCH;
    private Instant nextStillHeld = Instant.EPOCH;

    private volatile boolean running;
    private Thread thread;

    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, Clock clock) {
        this(outbox, sender, pacing, clock, ABANDONED_AFTER);
    }

    /** Counting in {@code meters}; see {@link OutboxMeters}. */
    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, Clock clock, MeterRegistry meters) {
        this(outbox, sender, pacing, clock, ABANDONED_AFTER, meters);
    }

    /**
     * With another take-over time than {@link #ABANDONED_AFTER}: how long an entry another sender took must
     * stay untouched before this one takes it over. Shorter suits a queue whose entries are handled in
     * milliseconds, and tests that cannot wait a minute; it must stay well above the longest single
     * {@link PlatformSender#send}, or an entry still being handled is taken over and handled twice.
     */
    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, Clock clock, Duration abandonedAfter) {
        this(outbox, sender, pacing, clock, abandonedAfter, new CompositeMeterRegistry());
    }

    /** Counting its sends, 429s and dead letters, and showing the outbox's backlog, in {@code meters} ({@link OutboxMeters}). */
    public OutboxSender(Outbox outbox, PlatformSender sender, SendPacing pacing, Clock clock, Duration abandonedAfter,
                        MeterRegistry meters) {
        this.meters = new OutboxMeters(meters, outbox, clock);
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.abandonedAfter = abandonedAfter;
        // Three reminders per take-over period: one late or lost reminder never makes a held entry look abandoned.
        this.stillHeldEvery = abandonedAfter.dividedBy(3);
    }

    /** Starts the sending thread; entries queued before the start are sent too. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        outbox.createGroup();
        running = true;
        thread = new Thread(this::run, "outbox-" + outbox.channel());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops after the current send. Entries still held stay in the outbox, pending for this sender, and
     * another instance (or the next start) takes them over.
     */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(LONGEST_WAIT.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try {
                Instant now = clock.instant();
                if (!now.isBefore(nextStillHeld)) {
                    keepOrTakeOver(now);
                }
                Duration wait = sendWhatIsDue();
                if (heldCount < MAX_HELD) {
                    hold(outbox.takeNew(consumer, READ_BATCH, wait));
                } else if (!wait.isZero()) {
                    Thread.sleep(wait.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Redis unreachable, most likely: what is held stays held, and we try again shortly.
                log.warn("Outbox of {}: {}; retrying in {}", outbox.channel(), e.toString(), AFTER_REDIS_FAILURE);
                sleepQuietly(AFTER_REDIS_FAILURE);
            }
        }
    }

    private void keepOrTakeOver(Instant now) {
        List<StreamEntryID> mine = new ArrayList<>(heldCount);
        held.values().forEach(entries -> mine.addAll(entries.keySet()));
        outbox.stillHeld(consumer, mine);
        List<Outbox.Queued> abandoned = outbox.takeAbandoned(consumer, abandonedAfter, READ_BATCH);
        if (!abandoned.isEmpty()) {
            log.info("Outbox of {}: took over {} entries a stopped sender held", outbox.channel(), abandoned.size());
            hold(abandoned);
        }
        nextStillHeld = now.plus(stillHeldEvery);
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
        Instant nextDue = earlier(now.plus(LONGEST_WAIT), nextStillHeld);
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
            Instant next = attempt(oldest, now);
            if (next == null) {
                entries.pollFirstEntry();
                heldCount--;
                if (entries.isEmpty()) {
                    held.remove(conversation);
                }
                // Counted from when the platform took the message, not from when we started sending it.
                next = clock.instant().plus(pacing.perConversation());
            }
            conversationFreeAt.put(conversation, next);
            if (held.containsKey(conversation)) {
                nextDue = earlier(nextDue, next);
            } else if (!next.isAfter(now)) {
                conversationFreeAt.remove(conversation);
            }
            platformFreeAt = now.plus(pacing.betweenAnyTwo());
            now = clock.instant();
        }
        forgetIdleConversations(now);
        Duration wait = Duration.between(clock.instant(), nextDue);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /**
     * Tries one entry. Returns null when it is finished with (sent or dead-lettered), or else when it
     * may be tried again.
     */
    private Instant attempt(Held entry, Instant now) {
        entry.attempts++;
        try {
            sender.send(entry.queued.entry());
            outbox.done(entry.queued.id());
            meters.sent.increment();
            return null;
        } catch (SendFailure failure) {
            return afterFailure(entry, now, failure.kind(), failure.getMessage(), failure.retryAfter().orElse(null));
        } catch (RuntimeException bug) {
            // A sender should say what went wrong with a SendFailure; an exception is still retried, and logged.
            log.warn("Sender of {} threw instead of reporting a SendFailure", outbox.channel(), bug);
            return afterFailure(entry, now, SendFailure.Kind.TRANSIENT, bug.toString(), null);
        }
    }

    private Instant afterFailure(Held entry, Instant now, SendFailure.Kind kind, String why, Duration retryAfter) {
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
            return null;
        }
        meters.retried.increment();
        Duration wait = kind == SendFailure.Kind.RETRY_AFTER ? retryAfter : pacing.waitAfter(entry.attempts);
        log.warn("Outbox of {}: message to {} failed ({}), attempt {}{}; retrying in {}", outbox.channel(), to, why,
                entry.attempts, pacing.giveUpAfter() == null ? " of " + pacing.maxAttempts() : "", wait);
        return now.plus(wait);
    }

    /** Pacing only matters while a conversation's last send is recent: drop what can no longer delay anything. */
    private void forgetIdleConversations(Instant now) {
        if (conversationFreeAt.size() > MAX_HELD) {
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

    /** An entry this sender holds, and how often it was tried. */
    private static final class Held {
        private final Outbox.Queued queued;
        private int attempts;

        Held(Outbox.Queued queued) {
            this.queued = queued;
        }
    }
}
