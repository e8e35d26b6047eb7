package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void minMedianAndMaxOfAnOddAndAnEvenCount() {
        Spread odd = new Spread(List.of(0.30, 0.10, 0.25, 0.20, 0.40));
        assertThat(odd.min()).isEqualTo(0.10);
        assertThat(odd.median()).isEqualTo(0.25);
        assertThat(odd.max()).isEqualTo(0.40);
        assertThat(odd.summary()).isEqualTo("0.250 (min 0.100, max 0.400, 5 rounds)");

        assertThat(new Spread(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void noValuesIsNoSpread() {
        assertThatThrownBy(() -> new Spread(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
