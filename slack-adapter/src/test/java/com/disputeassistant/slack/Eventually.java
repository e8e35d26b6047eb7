package com.disputeassistant.slack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another thread does, polling with a deadline rather than sleeping a fixed time. */
final class Eventually {

    private Eventually() {
    }

    static void await(Duration within, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
