package com.disputeassistant.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Objects;

/**
 * How fast and how stubbornly an {@link OutboxSender} sends.
 *
 * @param perConversation  the least time between two messages to one conversation
 * @param perSecondOverall the most messages per second to the whole platform, from this instance
 * @param maxAttempts      attempts before an entry is dead-lettered (a 429 counts as an attempt too,
 *                         so a platform that never lets us through cannot hold an entry forever)
 * @param firstBackoff     the wait after the first transient failure; each further one doubles it
 * @param maxBackoff       the longest wait between two attempts
 * @param giveUpAfter      how long after it was queued an entry that still fails is dead-lettered, however
 *                         few attempts it had; {@code null} for no such limit (only {@code maxAttempts})
 * @param jitter           whether each backoff is drawn at random between half and all of its value, so
 *                         that many entries failing together (an endpoint that was down) do not come back
 *                         together
 */
public record SendPacing(Duration perConversation, int perSecondOverall, int maxAttempts,
                         Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter, boolean jitter) {
    public SendPacing {
        Objects.requireNonNull(perConversation, "perConversation");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (perConversation.isNegative() || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("pacing durations are zero or more, and maxBackoff >= firstBackoff");
        }
        if (perSecondOverall < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("perSecondOverall and maxAttempts are at least 1");
        }
        if (giveUpAfter != null && (giveUpAfter.isZero() || giveUpAfter.isNegative())) {
            throw new IllegalArgumentException("giveUpAfter is a positive duration, or null for none");
        }
    }

    /** Attempts-limited pacing without jitter, as the chat platforms use. */
    public SendPacing(Duration perConversation, int perSecondOverall, int maxAttempts,
                      Duration firstBackoff, Duration maxBackoff) {
        this(perConversation, perSecondOverall, maxAttempts, firstBackoff, maxBackoff, null, false);
    }

    /**
     * For webhooks: no pacing per receiver, retries with jittered exponential backoff for as long as
     * {@code period} lasts, counted from when the entry was queued, however many attempts that takes.
     */
    public static SendPacing forPeriod(Duration period, Duration firstBackoff, Duration maxBackoff, int perSecondOverall) {
        return new SendPacing(Duration.ZERO, perSecondOverall, Integer.MAX_VALUE, firstBackoff, maxBackoff,
                period, true);
    }

    /** Telegram's limits: about one message per second per chat and 30 per second overall. */
    public static SendPacing telegram() {
        return new SendPacing(Duration.ofSeconds(1), 30, 10, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /** Slack's chat.postMessage: about one message per second per channel; the workspace allows bursts. */
    public static SendPacing slack() {
        return new SendPacing(Duration.ofSeconds(1), 20, 10, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /** The same pacing with another least time between two messages to one conversation. */
    public SendPacing withPerConversation(Duration interval) {
        return new SendPacing(interval, perSecondOverall, maxAttempts, firstBackoff, maxBackoff, giveUpAfter, jitter);
    }

    /** The least time between any two sends, from {@link #perSecondOverall}. */
    Duration betweenAnyTwo() {
        return Duration.ofNanos(1_000_000_000L / perSecondOverall);
    }

    /** The wait before attempt {@code attempt + 1} after {@code attempt} transient failures (from 1). */
    Duration backoffAfter(int attempt) {
        Duration wait = firstBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** {@link #backoffAfter}, or with jitter a random wait between half of it and all of it. */
    Duration waitAfter(int attempt) {
        Duration wait = backoffAfter(attempt);
        if (!jitter || wait.isZero()) {
            return wait;
        }
        long half = wait.toMillis() / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(wait.toMillis() - half + 1));
    }

    /** Whether an entry queued at {@code queuedAt} is past {@link #giveUpAfter} at {@code now}. */
    boolean expired(Instant queuedAt, Instant now) {
        return giveUpAfter != null && !now.isBefore(queuedAt.plus(giveUpAfter));
    }
}
