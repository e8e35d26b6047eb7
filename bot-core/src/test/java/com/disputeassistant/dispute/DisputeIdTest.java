package com.disputeassistant.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A dispute id is 1-40 ASCII letters, digits, '-' or '_', as the pattern [A-Za-z0-9_-]{1,40} says. */
class DisputeIdTest {

    @Test
    void takesWhatThePatternTakesAndRefusesTheRest() {
        for (String value : new String[] {"D7K2M9QX", "a", "bench-1_x", "Z".repeat(40), "0-_", "", "x".repeat(41),
                "D7K2 M9QX", "dispute:1", "D7K2M9QÄ", "ü", "a.b", "a/b", "\u0661"}) {
            boolean expected = value.matches("[A-Za-z0-9_-]{1,40}");
            if (expected) {
                assertThat(new DisputeId(value).value()).isEqualTo(value);
            } else {
                assertThatThrownBy(() -> new DisputeId(value)).as(value).isInstanceOf(IllegalArgumentException.class);
            }
        }
        for (int c = 0; c < 0x3000; c++) {
            String value = "D" + (char) c;
            assertThat(accepted(value)).as("D + U+%04X", c).isEqualTo(value.matches("[A-Za-z0-9_-]{1,40}"));
        }
        assertThat(new DisputeId(DisputeId.random().value()).value()).hasSize(8).startsWith("D");
    }

    private static boolean accepted(String value) {
        try {
            new DisputeId(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
