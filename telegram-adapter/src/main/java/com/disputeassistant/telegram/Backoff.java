package com.disputeassistant.telegram;

import java.time.Duration;

/**
 * Waits that double after each failure, up to a cap, for the channel's own calls to Telegram at start
 * and while polling (sending has the outbox's backoff). Not thread-safe: one per worker.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** Sleeps the current wait and doubles the next; false if interrupted, so the worker can stop. */
    public boolean pause() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** After a success: the next failure waits the first wait again. */
    public void reset() {
        next = first;
    }
}
