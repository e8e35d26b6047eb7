package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesOfOneToAThousandMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 1000; ms >= 1; ms--) {
            latencies.record(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        assertThat(latencies.count()).isEqualTo(1000);
        // Three significant digits: each value is within 0.1 % of the exact one.
        assertThat(latencies.percentileMillis(50)).isCloseTo(500, within(0.5));
        assertThat(latencies.percentileMillis(99)).isCloseTo(990, within(1.0));
        assertThat(latencies.percentileMillis(99.9)).isCloseTo(999, within(1.0));
        assertThat(latencies.meanMillis()).isCloseTo(500.5, within(0.5));
        assertThat(latencies.summary()).startsWith("p50 500 ms, p99 990 ms, p99.9 999 ms");
    }

    @Test
    void aStallBeyondAMinuteCountsAsAMinuteAndANegativeTimeAsZero() {
        Latencies latencies = new Latencies();
        latencies.record(TimeUnit.HOURS.toNanos(2));
        latencies.record(-5);

        assertThat(latencies.maxMillis()).isCloseTo(60_000, within(60.0));
        assertThat(latencies.percentileMillis(50)).isZero();
    }

    @Test
    void noSamplesSaySo() {
        assertThat(new Latencies().summary()).isEqualTo("no samples");
    }
}
