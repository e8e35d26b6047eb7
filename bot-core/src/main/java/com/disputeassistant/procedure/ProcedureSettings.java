package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The procedure's defaults, all configurable. Where the seed is silent the spec gives a default;
 * nothing here is a literal in the procedure's logic.
 *
 * @param reworkTime           time the (replacement) expert gets to redeliver (spec step 6, default 5 days)
 * @param extensionCap         requests for more time that may be granted before the bot stops waiting (default 2)
 * @param extraReworkRounds    rework rounds after the first one when the check fails (default 1)
 * @param feeTolerancePercent  proposals this close, in percent of the price, meet in the middle (default 10)
 * @param feeRounds            rounds of fee proposals before a mediator decides (default 3)
 * @param stepDeadlines        how long each waiting step waits for an answer; {@link Step#TALKING}'s is the
 *                             talk-it-out window after which the dispute escalates by itself (default 3 days);
 *                             {@link Step#MEDIATION}'s is how long a mediator may hold a claimed dispute before
 *                             it goes back to the queue (spec "Human mediators", default 2 days)
 * @param reminders            when the person who owes an answer at a step is reminded (default: at half the
 *                             step's time and one day before its deadline)
 * @param mediators            the channel identities allowed to claim and decide disputes
 * @param reannounceAfter      how long a hand-off waits unclaimed before the mediators are told again (default 30 minutes)
 * @param expectedMediatorWait how long the parties are told a mediator usually takes to pick up a hand-off
 *                             (default 4 hours)
 * @param mediatorNames        how the parties see a mediator, by identity; one left out is shown by the id
 *                             part of their identity
 */
public record ProcedureSettings(Duration reworkTime, int extensionCap, int extraReworkRounds,
                                int feeTolerancePercent, int feeRounds, Map<Step, Duration> stepDeadlines,
                                List<Reminder> reminders, Set<ChannelIdentity> mediators,
                                Duration reannounceAfter, Duration expectedMediatorWait,
                                Map<ChannelIdentity, String> mediatorNames) {

    /** The default reminders: at half the step's time, and one day before its deadline. */
    public static final List<Reminder> DEFAULT_REMINDERS =
            List.of(Reminder.atShareOfTime(50), Reminder.before(Duration.ofDays(1)));

    public ProcedureSettings {
        Objects.requireNonNull(reworkTime, "reworkTime");
        requirePositive(reworkTime, "reworkTime");
        if (extensionCap < 0 || extraReworkRounds < 0 || feeRounds < 1) {
            throw new IllegalArgumentException("extension cap and extra rounds are >= 0, fee rounds >= 1");
        }
        if (feeTolerancePercent < 0 || feeTolerancePercent > 100) {
            throw new IllegalArgumentException("the fee tolerance is a percentage from 0 to 100");
        }
        Map<Step, Duration> complete = new EnumMap<>(defaultStepDeadlines());
        complete.putAll(stepDeadlines);
        complete.forEach((step, duration) -> requirePositive(duration, "deadline of " + step));
        stepDeadlines = Map.copyOf(complete);
        reminders = List.copyOf(reminders);
        mediators = Set.copyOf(mediators);
        requirePositive(Objects.requireNonNull(reannounceAfter, "reannounceAfter"), "reannounceAfter");
        requirePositive(Objects.requireNonNull(expectedMediatorWait, "expectedMediatorWait"), "expectedMediatorWait");
        mediatorNames = Map.copyOf(mediatorNames);
    }

    public static ProcedureSettings defaults() {
        return new ProcedureSettings(Duration.ofDays(5), 2, 1, 10, 3, Map.of(), DEFAULT_REMINDERS, Set.of(),
                Duration.ofMinutes(30), Duration.ofHours(4), Map.of());
    }

    public ProcedureSettings withMediators(Set<ChannelIdentity> allowed) {
        return new ProcedureSettings(reworkTime, extensionCap, extraReworkRounds, feeTolerancePercent,
                feeRounds, stepDeadlines, reminders, allowed, reannounceAfter, expectedMediatorWait, mediatorNames);
    }

    public ProcedureSettings withReminders(List<Reminder> at) {
        return new ProcedureSettings(reworkTime, extensionCap, extraReworkRounds, feeTolerancePercent,
                feeRounds, stepDeadlines, at, mediators, reannounceAfter, expectedMediatorWait, mediatorNames);
    }

    /** When to remind for a step that runs from {@code start} to {@code deadline}: distinct times, in order. */
    public List<Instant> remindersBetween(Instant start, Instant deadline) {
        return reminders.stream().flatMap(reminder -> reminder.between(start, deadline).stream())
                .distinct().sorted().toList();
    }

    /**
     * How long a step waits for an answer; REWORK's deadline is the rework deadline instead, and MEDIATION's
     * runs from a mediator's claim (a queued hand-off has none).
     */
    public Duration deadlineOf(Step step) {
        return stepDeadlines.getOrDefault(step, Duration.ofDays(3));
    }

    public boolean isMediator(ChannelIdentity identity) {
        return mediators.contains(identity);
    }

    /** How the parties see a mediator: the configured name, else the id part of the identity. */
    public String mediatorName(ChannelIdentity identity) {
        return mediatorNames.getOrDefault(identity, identity.id());
    }

    private static Map<Step, Duration> defaultStepDeadlines() {
        Map<Step, Duration> defaults = new EnumMap<>(Step.class);
        defaults.put(Step.INTAKE, Duration.ofDays(1));
        defaults.put(Step.TALKING, Duration.ofDays(3));
        defaults.put(Step.TERMS, Duration.ofDays(3));
        defaults.put(Step.TASKS, Duration.ofDays(3));
        defaults.put(Step.TASK_REVIEW, Duration.ofDays(3));
        defaults.put(Step.EXPERT_CHOICE, Duration.ofDays(3));
        defaults.put(Step.REPLACEMENT, Duration.ofDays(2));
        defaults.put(Step.STALLED, Duration.ofDays(3));
        defaults.put(Step.CHECK, Duration.ofDays(3));
        defaults.put(Step.FEE, Duration.ofDays(3));
        defaults.put(Step.MEDIATION, Duration.ofDays(2));
        return defaults;
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
