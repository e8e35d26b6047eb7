package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stored form's instants are Instant's own text, and read back as Instant.parse reads them. */
class IsoInstantsTest {

    @Test
    void writesWhatInstantWritesAndReadsItBack() {
        Random random = new Random(20261129);
        for (int i = 0; i < 200_000; i++) {
            long seconds = switch (i % 4) {
                case 0 -> random.nextLong(0, 4_102_444_800L); // 1970 to 2100
                case 1 -> random.nextLong(-100_000_000_000L, 300_000_000_000L); // beyond 9999 and before 1970
                default -> 1_700_000_000L + random.nextInt(100_000_000);
            };
            int nano = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            String text = IsoInstants.format(instant);
            assertThat(text).isEqualTo(instant.toString());
            assertThat(IsoInstants.parse(text)).isEqualTo(instant);
        }
        assertThat(IsoInstants.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(IsoInstants.format(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isEqualTo("9999-12-31T23:59:59.999999999Z");
    }

    @Test
    void readsEveryOtherTextAsInstantParseDoes() {
        for (String text : new String[] {"2026-11-29T21:06:46Z", "2026-11-29T21:06:46.9Z", "2026-11-29T21:06:46.96Z",
                "2026-11-29T21:06:46.9624Z", "2024-02-29T00:00:00Z", "2026-12-31T23:59:60Z", "1969-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "2026-11-29T21:06:46.962+01:00", "0000-01-01T00:00:00Z"}) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : new String[] {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-29T24:00:00Z",
                "2026-11-29T21:6:46.962Z", "2026-11-29T21:-6:46Z", "2026-11-29 21:06:46Z", "2026-11-29T21:06:46.96xZ",
                "tomorrow"}) {
            // Whatever Instant.parse makes of it (it reads some of these leniently), so does the stored form.
            Object expected = readOrRefuse(() -> Instant.parse(text));
            assertThat(readOrRefuse(() -> IsoInstants.parse(text))).as(text).isEqualTo(expected);
        }
        assertThatThrownBy(() -> IsoInstants.parse("tomorrow")).isInstanceOf(DateTimeException.class);
    }

    private static Object readOrRefuse(java.util.function.Supplier<Instant> read) {
        try {
            return read.get();
        } catch (DateTimeException e) {
            return e.getClass();
        }
    }
}
