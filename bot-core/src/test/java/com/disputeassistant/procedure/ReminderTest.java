package com.disputeassistant.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderTest {
    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void readsASharesOfTimeAndTimesBeforeTheDeadline() {
        assertThat(Reminder.parse("50%")).isEqualTo(Reminder.atShareOfTime(50));
        assertThat(Reminder.parse(" 1d ")).isEqualTo(Reminder.before(Duration.ofDays(1)));
        assertThat(Reminder.parse("12h")).isEqualTo(Reminder.before(Duration.ofHours(12)));
        assertThat(Reminder.parse("30m")).isEqualTo(Reminder.before(Duration.ofMinutes(30)));
        assertThat(Reminder.parse("PT90S")).isEqualTo(Reminder.before(Duration.ofSeconds(90)));
        for (String wrong : List.of("0%", "100%", "tomorrow", "-1d", "", "0d")) {
            assertThatThrownBy(() -> Reminder.parse(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theDefaultsRemindHalfWayAndADayBeforeSkippingTimesOutsideTheStep() {
        ProcedureSettings settings = ProcedureSettings.defaults();

        assertThat(settings.remindersBetween(START, START.plus(Duration.ofDays(5))))
                .containsExactly(START.plus(Duration.ofHours(60)), START.plus(Duration.ofDays(4)));
        assertThat(settings.remindersBetween(START, START.plus(Duration.ofDays(1))))
                .as("a one-day step: one day before is its start").containsExactly(START.plus(Duration.ofHours(12)));
        assertThat(settings.remindersBetween(START, START.plus(Duration.ofDays(2))))
                .as("half-way and one day before coincide: one reminder").containsExactly(START.plus(Duration.ofDays(1)));
        assertThat(settings.withReminders(List.of()).remindersBetween(START, START.plus(Duration.ofDays(3)))).isEmpty();
    }
}
