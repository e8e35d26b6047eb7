package com.disputeassistant.bench;

/**
 * What one measured stretch of a run did: messages handled, over how long, their latencies, failures, and
 * what they cost in Redis round trips, in this JVM's CPU and in Redis's CPU (each per message).
 */
record Measurement(long messages, double seconds, Latencies latencies, long errors, String firstError,
                   double roundTripsPerMessage, double jvmCpuMicrosPerMessage, double redisCpuMicrosPerMessage) {

    double perSecond() {
        return seconds <= 0 ? 0 : messages / seconds;
    }

    /** The measurement from what was counted between two snapshots. */
    static Measurement between(Snapshot before, Snapshot after, long messages, Latencies latencies, long errors,
                               String firstError) {
        double per = Math.max(1, messages);
        return new Measurement(messages, (after.nanoTime() - before.nanoTime()) / 1e9, latencies, errors, firstError,
                (after.roundTrips() - before.roundTrips()) / per,
                (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e3 / per,
                (after.redisCpuMicros() - before.redisCpuMicros()) / per);
    }
}
