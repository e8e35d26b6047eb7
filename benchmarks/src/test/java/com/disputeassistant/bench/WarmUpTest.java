package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void stableOnlyOnceTheLastRoundsAreWithinTheTolerance() {
        assertThat(WarmUp.stable(List.of(1000.0, 2000.0, 2900.0, 3000.0), 3, 0.10)).isFalse();
        assertThat(WarmUp.stable(List.of(1000.0, 2000.0, 2900.0, 3000.0, 3100.0), 3, 0.10)).isTrue();
        assertThat(WarmUp.stable(List.of(3000.0, 3000.0), 3, 0.10)).as("too few rounds").isFalse();
        assertThat(WarmUp.stable(List.of(0.0, 0.0, 0.0), 3, 0.10)).as("nothing handled is not stable").isFalse();
    }

    @Test
    void theSummarySaysHowLongAndEveryRound() {
        WarmUp warmUp = new WarmUp(Duration.ofSeconds(40), List.of(1500.0, 2900.0, 3000.0, 3050.0), true);

        assertThat(warmUp.summary()).isEqualTo("stable after 40 s (4 rounds: 1,500 2,900 3,000 3,050 msg/s)");
    }
}
