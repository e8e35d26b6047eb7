package com.disputeassistant.app.procedure;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.procedure.Reminder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * @param stepDeadlines       how long a step waits for an answer, by step; steps left out keep their default;
 *                            {@code mediation}'s is how long a mediator may hold a claimed dispute
 * @param reminders           when the person who owes an answer is reminded, e.g. {@code [50%, 1d]}; an empty
 *                            list sends no reminders
 * @param mediators           channel identities allowed to claim disputes, each optionally followed by the
 *                            name the parties see, e.g. {@code web:maria} or {@code slack:T1/U2 Maria Lopez}
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
        Map<ChannelIdentity, String> named = mediatorsWithNames();
        try {
            return new ProcedureSettings(
                    Objects.requireNonNullElse(reworkTime, defaults.reworkTime()),
                    Objects.requireNonNullElse(extensionCap, defaults.extensionCap()),
                    Objects.requireNonNullElse(extraReworkRounds, defaults.extraReworkRounds()),
                    Objects.requireNonNullElse(feeTolerancePercent, defaults.feeTolerancePercent()),
                    Objects.requireNonNullElse(feeRounds, defaults.feeRounds()),
                    stepDeadlines == null ? Map.of() : stepDeadlines,
                    reminders == null ? defaults.reminders() : reminders.stream().map(Reminder::parse).toList(),
                    named.keySet(),
                    Objects.requireNonNullElse(reannounceAfter, defaults.reannounceAfter()),
                    Objects.requireNonNullElse(expectedMediatorWait, defaults.expectedMediatorWait()),
                    names(named));
        } catch (IllegalArgumentException e) {
            throw new StartupProblem("A setting under dispute.procedure is invalid: " + e.getMessage() + ".", FIX, e);
        }
    }

    private static Map<ChannelIdentity, String> names(Map<ChannelIdentity, String> mediators) {
        Map<ChannelIdentity, String> names = new LinkedHashMap<>(mediators);
        names.values().removeIf(String::isEmpty);
        return names;
    }

    /** The mediators, each written {@code channel:id}, optionally followed by the name the parties see. */
    private Map<ChannelIdentity, String> mediatorsWithNames() {
        Map<ChannelIdentity, String> named = new LinkedHashMap<>();
        if (mediators == null) {
            return named;
        }
        for (int i = 0; i < mediators.size(); i++) {
            String text = mediators.get(i) == null ? "" : mediators.get(i).strip();
            String[] parts = text.split("\\s+", 2);
            int index = i;
            ChannelIdentity identity = ChannelIdentity.parse(parts[0]).orElseThrow(() -> new StartupProblem(
                    "dispute.procedure.mediators[" + index + "] is '" + text + "', which is not a channel identity.",
                    "Write each mediator as channel:id, optionally followed by the name parties see, such as "
                            + "web:maria or slack:T1/U2 Maria Lopez. " + FIX));
            named.put(identity, parts.length == 2 ? parts[1].strip() : "");
        }
        return named;
    }
}
