package com.disputeassistant.web.console;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.OutcomeType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The closed disputes of the last weeks as the reports count them: per week (Monday to Sunday, UTC, by
 * when the outcome was decided) how many closed with which outcome, and how long they took from being
 * opened to being closed, as the median and the 90th percentile (nearest rank: the time within which 90%
 * of them closed).
 */
final class ClosedReport {
    private ClosedReport() {
    }

    /** One week: its Monday, the outcomes and each dispute's time to resolution, shortest first. */
    record Week(LocalDate monday, Map<OutcomeType, Long> outcomes, List<Duration> times) {
        long closed() {
            return times.size();
        }

        Optional<Duration> median() {
            return percentile(times, 50);
        }

        Optional<Duration> ninetieth() {
            return percentile(times, 90);
        }
    }

    /** The Monday of the week, {@code weeks - 1} weeks before this one, that a report of {@code weeks} starts at. */
    static LocalDate firstMonday(LocalDate today, int weeks) {
        return today.with(DayOfWeek.MONDAY).minusWeeks(weeks - 1L);
    }

    /** The weeks from {@code firstMonday} on, {@code weeks} of them, each with the disputes closed in it. */
    static List<Week> weeks(List<Dispute> closed, LocalDate firstMonday, int weeks) {
        List<Week> result = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            LocalDate monday = firstMonday.plusWeeks(i);
            Map<OutcomeType, Long> outcomes = new EnumMap<>(OutcomeType.class);
            List<Duration> times = new ArrayList<>();
            for (Dispute dispute : closed) {
                Optional<Outcome> outcome = dispute.outcome();
                if (outcome.isEmpty()) {
                    continue;
                }
                LocalDate day = outcome.get().decidedAt().atZone(ZoneOffset.UTC).toLocalDate();
                if (!day.isBefore(monday) && day.isBefore(monday.plusWeeks(1))) {
                    outcomes.merge(outcome.get().type(), 1L, Long::sum);
                    times.add(Duration.between(dispute.openedAt(), outcome.get().decidedAt()));
                }
            }
            times.sort(Comparator.naturalOrder());
            result.add(new Week(monday, outcomes, List.copyOf(times)));
        }
        return result;
    }

    /** The nearest-rank percentile of times sorted shortest first; empty for none. */
    static Optional<Duration> percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }

    /** Every week's times together, shortest first. */
    static List<Duration> allTimes(List<Week> weeks) {
        return weeks.stream().flatMap(week -> week.times().stream()).sorted().toList();
    }
}
