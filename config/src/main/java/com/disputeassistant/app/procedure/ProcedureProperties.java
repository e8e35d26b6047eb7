package com.disputeassistant.app.procedure;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.procedure.Reminder;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dispute.procedure.*}, documented in {@code application.yml}. A setting left out takes
 * {@link ProcedureSettings#defaults()}'s value, so bot-core stays the one place the defaults are decided.
 *
 * @param reworkTime          time the expert gets to redeliver, e.g. {@code 5d}
 * @param extensionCap        requests for more time granted before the bot stops waiting
 * @param extraReworkRounds   rework rounds after the first when the check fails
 * @param feeTolerancePercent proposals this close (percent of the price) meet in the middle
 * @param feeRounds           rounds of fee proposals before a mediator decides
 * @param stepDeadlines       how long a step waits for an answer, by step; steps left out keep their default
 * @param reminders           when the person who owes an answer is reminded, e.g. {@code [50%, 1d]}; an empty
 *                            list sends no reminders
 * @param mediators           channel identities allowed to claim disputes, e.g. {@code web:maria}
 * @param reannounceAfter     how long a hand-off waits unclaimed before the mediators are told again
 * @param expectedMediatorWait how long the parties are told a mediator usually takes to pick up
 */
@ConfigurationProperties("dispute.procedure")
record ProcedureProperties(Duration reworkTime, Integer extensionCap, Integer extraReworkRounds,
                           Integer feeTolerancePercent, Integer feeRounds, Map<Step, Duration> stepDeadlines,
                           List<String> reminders, List<String> mediators, Duration reannounceAfter,
                           Duration expectedMediatorWait) {

    private static final String FIX = "Correct it in application.yml or in the matching DISPUTE_PROCEDURE_* "
            + "environment variable; application.yml documents every setting and its default.";

    /** The settings the engine runs with; a {@link StartupProblem} naming the setting when one is wrong. */
    ProcedureSettings toSettings() {
        ProcedureSettings defaults = ProcedureSettings.defaults();
        try {
            return new ProcedureSettings(
                    Objects.requireNonNullElse(reworkTime, defaults.reworkTime()),
                    Objects.requireNonNullElse(extensionCap, defaults.extensionCap()),
                    Objects.requireNonNullElse(extraReworkRounds, defaults.extraReworkRounds()),
                    Objects.requireNonNullElse(feeTolerancePercent, defaults.feeTolerancePercent()),
                    Objects.requireNonNullElse(feeRounds, defaults.feeRounds()),
                    stepDeadlines == null ? Map.of() : stepDeadlines,
                    reminders == null ? defaults.reminders() : reminders.stream().map(Reminder::parse).toList(),
                    mediatorIdentities(),
                    Objects.requireNonNullElse(reannounceAfter, defaults.reannounceAfter()),
                    Objects.requireNonNullElse(expectedMediatorWait, defaults.expectedMediatorWait()));
        } catch (IllegalArgumentException e) {
            throw new StartupProblem("A setting under dispute.procedure is invalid: " + e.getMessage() + ".", FIX, e);
        }
    }

    private Set<ChannelIdentity> mediatorIdentities() {
        if (mediators == null) {
            return Set.of();
        }
        Set<ChannelIdentity> identities = new LinkedHashSet<>();
        for (int i = 0; i < mediators.size(); i++) {
            String text = mediators.get(i);
            int index = i;
            identities.add(ChannelIdentity.parse(text).orElseThrow(() -> new StartupProblem(
                    "dispute.procedure.mediators[" + index + "] is '" + text + "', which is not a channel identity.",
                    "Write each mediator as channel:id, such as web:maria or slack:T1/U2. " + FIX)));
        }
        return identities;
    }
}
