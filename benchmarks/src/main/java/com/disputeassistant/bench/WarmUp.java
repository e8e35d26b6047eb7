package com.disputeassistant.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * How the warm-up before the measured figures went: how long it took, the throughput of each of its rounds,
 * and whether it ended because throughput was stable or because its time was up.
 */
record WarmUp(Duration took, List<Double> rates, boolean stable) {

    /** Whether the last {@code rounds} rates are within {@code tolerance} of each other (max ≤ min × (1 + tolerance)). */
    static boolean stable(List<Double> rates, int rounds, double tolerance) {
        if (rates.size() < rounds) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - rounds, rates.size());
        double min = Collections.min(last);
        return min > 0 && Collections.max(last) <= min * (1 + tolerance);
    }

    /** For the report: "stable after 45 s (9 rounds: 2,100 … 3,050 msg/s)". */
    String summary() {
        StringBuilder out = new StringBuilder(stable ? "stable after " : "not stable, stopped after ")
                .append(took.toSeconds()).append(" s (").append(rates.size()).append(" rounds:");
        rates.forEach(rate -> out.append(' ').append(Report.decimal(rate)));
        return out.append(" msg/s)").toString();
    }
}
