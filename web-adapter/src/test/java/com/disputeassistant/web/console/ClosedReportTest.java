package com.disputeassistant.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.testing.TestDisputes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClosedReportTest {

    @Test
    void theReportStartsOnTheMondayOfTheFirstWeekItShows() {
        // 2026-11-29 is a Sunday: its week began on Monday the 23rd.
        assertThat(ClosedReport.firstMonday(LocalDate.of(2026, 11, 29), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(ClosedReport.firstMonday(LocalDate.of(2026, 11, 30), 8)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void countsOutcomesPerWeekByWhenTheyWereDecided() {
        Instant monday = Instant.parse("2026-11-23T00:00:00Z");
        List<Dispute> closed = List.of(
                closed(monday.minus(Duration.ofDays(2)), monday.plus(Duration.ofHours(5)), OutcomeType.WITHDRAWN),
                closed(monday.minus(Duration.ofDays(1)), monday.plus(Duration.ofDays(6)), OutcomeType.WITHDRAWN),
                closed(monday, monday.plus(Duration.ofDays(7)), OutcomeType.RESOLVED_BY_PARTIES));

        List<ClosedReport.Week> weeks = ClosedReport.weeks(closed, LocalDate.of(2026, 11, 23), 2);

        assertThat(weeks).extracting(ClosedReport.Week::monday)
                .containsExactly(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30));
        assertThat(weeks.get(0).outcomes()).isEqualTo(Map.of(OutcomeType.WITHDRAWN, 2L));
        assertThat(weeks.get(1).outcomes()).isEqualTo(Map.of(OutcomeType.RESOLVED_BY_PARTIES, 1L));
        assertThat(weeks.get(0).times()).containsExactly(Duration.ofDays(2).plusHours(5), Duration.ofDays(7));
    }

    @Test
    void theMedianAndTheNinetiethPercentileAreTimesThatOccurred() {
        List<Duration> times = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream().map(Duration::ofHours).toList();
        assertThat(ClosedReport.percentile(times, 50)).contains(Duration.ofHours(5));
        assertThat(ClosedReport.percentile(times, 90)).contains(Duration.ofHours(9));
        assertThat(ClosedReport.percentile(List.of(Duration.ofHours(3)), 90)).contains(Duration.ofHours(3));
        assertThat(ClosedReport.percentile(List.of(), 50)).isEmpty();
    }

    private static Dispute closed(Instant opened, Instant decided, OutcomeType type) {
        Dispute dispute = Dispute.open(DisputeId.random(), TestDisputes.order(), TestDisputes.CLIENT, opened);
        dispute.moveTo(Step.CLOSED, null, List.of());
        dispute.close(Outcome.withoutMoney(dispute.id(), type, decided, "web:alice"));
        return dispute;
    }
}
