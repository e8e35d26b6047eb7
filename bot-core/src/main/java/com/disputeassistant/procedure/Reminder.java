package com.disputeassistant.procedure;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the person who owes an answer is reminded: once a share of the step's time has passed
 * ({@code 50%}), or some time before the deadline ({@code 1d}). A reminder that would fall at or before
 * the step's start, or at or after its deadline, is not sent: a one-day step gets no one-day-before reminder.
 *
 * @param percentOfTime  the share of the step's time after which to remind, 1 to 99; 0 when
 *                       {@code beforeDeadline} is used
 * @param beforeDeadline how long before the deadline to remind; null when {@code percentOfTime} is used
 */
public record Reminder(int percentOfTime, Duration beforeDeadline) {
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,2})\\s*%");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*([dhms])");

    public Reminder {
        if ((beforeDeadline == null) == (percentOfTime == 0)) {
            throw new IllegalArgumentException("a reminder is either a share of the step's time or a time before "
                    + "the deadline, e.g. 50% or 1d");
        }
        if (beforeDeadline == null ? percentOfTime < 1 || percentOfTime > 99
                : beforeDeadline.isZero() || beforeDeadline.isNegative()) {
            throw new IllegalArgumentException("a reminder's share is 1% to 99%, its time before the deadline positive");
        }
    }

    public static Reminder atShareOfTime(int percent) {
        return new Reminder(percent, null);
    }

    public static Reminder before(Duration beforeDeadline) {
        return new Reminder(0, Objects.requireNonNull(beforeDeadline, "beforeDeadline"));
    }

    /** Reads {@code 50%}, {@code 1d}, {@code 12h}, {@code 30m}, {@code 90s} or an ISO-8601 duration such as {@code P1D}. */
    public static Reminder parse(String text) {
        String trimmed = Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT);
        Matcher percent = PERCENT.matcher(trimmed);
        if (percent.matches()) {
            return atShareOfTime(Integer.parseInt(percent.group(1)));
        }
        Matcher duration = SHORT_DURATION.matcher(trimmed);
        if (duration.matches()) {
            long amount = Long.parseLong(duration.group(1));
            return before(switch (duration.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        try {
            return before(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a reminder: write a share of the step's time "
                    + "such as 50%, or a time before the deadline such as 1d, 12h or 30m");
        }
    }

    /** When to remind for a step that started at {@code start} and ends at {@code deadline}, if at all. */
    Optional<Instant> between(Instant start, Instant deadline) {
        Instant at = beforeDeadline != null ? deadline.minus(beforeDeadline)
                : start.plus(Duration.between(start, deadline).multipliedBy(percentOfTime).dividedBy(100));
        return at.isAfter(start) && at.isBefore(deadline) ? Optional.of(at) : Optional.empty();
    }

    @Override
    public String toString() {
        return beforeDeadline == null ? percentOfTime + "%" : beforeDeadline + " before";
    }
}
