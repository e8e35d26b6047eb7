package com.disputeassistant.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How many replicas must have a script's writes before the script's caller is answered ({@code WAIT}), and for
 * how long to wait for them: with 1 or more, a turn the app acknowledged survives the master's crash and a
 * failover. 0 replicas: no wait (Redis replicates in the background, and a failover can lose the last writes).
 *
 * @param replicas replicas that must acknowledge the writes, 0 for none
 * @param timeout  how long to wait; fewer replicas by then fail the request (503, and the retry is safe)
 */
public record ReplicaWait(int replicas, Duration timeout) {
    /** No wait. */
    public static final ReplicaWait NONE = new ReplicaWait(0, Duration.ofSeconds(1));

    public ReplicaWait {
        Objects.requireNonNull(timeout, "timeout");
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas to wait for must be 0 (no wait) or more, not " + replicas);
        }
        if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            // WAIT's 0 means "forever", which would hang a request while a replica is away.
            throw new IllegalArgumentException("the wait for replicas must last from 1 ms to 60 s, not " + timeout);
        }
    }
}
