package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void theMillionIsInTheFullRunUnlessLeftOutAndTheOtherOptionsOverride() {
        assertThat(BenchSettings.from(new String[0]).growth()).containsExactly(1_000, 10_000, 100_000, 1_000_000);
        assertThat(BenchSettings.from(new String[] {"--no-million"}).growth()).containsExactly(1_000, 10_000, 100_000);
        assertThat(BenchSettings.from(new String[] {"--quick", "--million"}).growth())
                .containsExactly(1_000, 10_000, 1_000_000);

        BenchSettings settings = BenchSettings.from(new String[] {"--million", "--rate=500", "--concurrency=4"});

        assertThat(settings.growth()).containsExactly(1_000, 10_000, 100_000, 1_000_000);
        assertThat(settings.ratePerSecond()).isEqualTo(500);
        assertThat(settings.concurrency()).isEqualTo(4);
        assertThat(settings.name()).isEqualTo("full");
    }

    @Test
    void theQuickRunStillAlternatesAtLeastTwoRoundsAndOffersTwoThousandMessagesASecond() {
        BenchSettings quick = BenchSettings.from(new String[] {"--quick"});

        assertThat(quick.rounds()).isGreaterThanOrEqualTo(2);
        assertThat(quick.ratePerSecond()).isEqualTo(2_000);
        assertThat(quick.warmUp().cap()).isLessThan(BenchSettings.full().warmUp().cap());
    }

    @Test
    void anUnknownOptionIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> BenchSettings.from(new String[] {"--milion"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--million");
    }
}
