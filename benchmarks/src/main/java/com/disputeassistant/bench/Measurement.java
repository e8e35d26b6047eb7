package com.disputeassistant.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one measured stretch of a run did: messages handled, over how long, their latencies, failures, and
 * what they cost in Redis round trips (in all and by command), in this JVM's CPU, in bytes allocated and in
 * Redis's CPU (each per message).
 */
record Measurement(long messages, double seconds, Latencies latencies, long errors, String firstError,
                   double roundTripsPerMessage, Map<String, Double> callsPerMessage, double jvmCpuMicrosPerMessage,
                   double allocatedBytesPerMessage, double redisCpuMicrosPerMessage) {

    double perSecond() {
        return seconds <= 0 ? 0 : messages / seconds;
    }

    /** The measurement from what was counted between two snapshots. */
    static Measurement between(Snapshot before, Snapshot after, long messages, Latencies latencies, long errors,
                               String firstError) {
        double per = Math.max(1, messages);
        Map<String, Double> calls = new TreeMap<>();
        after.calls().forEach((command, count) -> {
            long made = count - before.calls().getOrDefault(command, 0L);
            if (made > 0) {
                calls.put(command, made / per);
            }
        });
        return new Measurement(messages, (after.nanoTime() - before.nanoTime()) / 1e9, latencies, errors, firstError,
                (after.roundTrips() - before.roundTrips()) / per, Map.copyOf(calls),
                (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e3 / per,
                (after.allocatedBytes() - before.allocatedBytes()) / per,
                (after.redisCpuMicros() - before.redisCpuMicros()) / per);
    }

    /** The round trips by command, e.g. "EVALSHA 1.00, GET 1.22". */
    String calls() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(callsPerMessage).forEach((command, count) -> out.append(out.isEmpty() ? "" : ", ")
                .append(command).append(' ').append(Report.decimal(count)));
        return out.toString();
    }
}
