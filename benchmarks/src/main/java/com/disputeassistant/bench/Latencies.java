package com.disputeassistant.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies recorded by many threads at once, in nanoseconds with three significant digits, read back as
 * percentiles in milliseconds. A value beyond the highest trackable one (a minute) counts as a minute, so a
 * stalled run shows up as a huge p99 rather than as an exception in a worker.
 */
final class Latencies {
    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(1);
    private final Histogram histogram = new ConcurrentHistogram(HIGHEST, 3);

    void record(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The latency below which {@code percentile} percent of the recorded ones fall, in milliseconds. */
    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    double meanMillis() {
        return histogram.getMean() / 1e6;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1e6;
    }

    /** "p50 1.23 ms, p99 4.56 ms, p99.9 7.89 ms", or "no samples". */
    String summary() {
        if (count() == 0) {
            return "no samples";
        }
        return String.format("p50 %s ms, p99 %s ms, p99.9 %s ms (max %s ms, %d samples)",
                Report.decimal(percentileMillis(50)), Report.decimal(percentileMillis(99)),
                Report.decimal(percentileMillis(99.9)), Report.decimal(maxMillis()), count());
    }
}
