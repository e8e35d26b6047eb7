package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BareRedisWorkTest {

    @Test
    void aFractionalAverageIsSpreadSoThatEveryPrefixMatchesIt() {
        double average = 3.25;
        long total = 0;
        for (long m = 0; m < 1000; m++) {
            int calls = BareRedisWork.roundTripsOf(m, average);
            assertThat(calls).isBetween(3, 4);
            total += calls;
            assertThat(total).isEqualTo((long) Math.floor((m + 1) * average));
        }
        assertThat(total).isEqualTo(3250);
    }

    @Test
    void aWholeAverageIsExactlyThatEveryTime() {
        assertThat(LongStream.range(0, 100).map(m -> BareRedisWork.roundTripsOf(m, 4.0)).distinct().toArray())
                .containsExactly(4);
    }
}
