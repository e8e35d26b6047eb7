package com.disputeassistant.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.dispute.Step;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.transition.Transition;
import org.springframework.statemachine.transition.TransitionKind;

/**
 * The procedure's graph, read from its {@link TransitionTable} (spec "Invariants"): no dead ends, every step
 * that waits for someone has a deadline outcome, a closed outcome is reachable from every step; and the
 * Spring state machine that runs the steps is exactly the table.
 */
class TransitionTableTest {
    private final TransitionTable table = new EscalationProcedure(ProcedureSettings.defaults()).table();

    /** A step waits for someone if a person (not the bot) can cause a transition there. */
    private Set<Step> waitingSteps() {
        return table.rows().stream().filter(row -> row.trigger().who() != Trigger.Who.BOT)
                .map(TransitionTable.Row::source).collect(Collectors.toCollection(() -> EnumSet.noneOf(Step.class)));
    }

    @Test
    void everyStepThatWaitsForSomeoneHasADeadlineOutcome() {
        Set<Step> waiting = waitingSteps();
        assertThat(waiting).as("every step but CLOSED waits for someone").isEqualTo(EnumSet.complementOf(EnumSet.of(Step.CLOSED)));
        for (Step step : waiting) {
            assertThat(table.accepts(step, Trigger.DEADLINE_PASSED)).as("deadline outcome of %s", step).isTrue();
        }
    }

    @Test
    void fromEveryStepAClosedOutcomeIsReachableAndNothingLeavesClosed() {
        assertThat(table.targetsFrom(Step.CLOSED)).isEmpty();
        for (Step step : Step.values()) {
            Set<Step> seen = EnumSet.of(step);
            Deque<Step> toVisit = new ArrayDeque<>(List.of(step));
            while (!toVisit.isEmpty()) {
                for (Step next : table.targetsFrom(toVisit.pop())) {
                    if (seen.add(next)) {
                        toVisit.push(next);
                    }
                }
            }
            assertThat(seen).as("steps reachable from %s", step).contains(Step.CLOSED);
        }
    }

    @Test
    void noStepIsADeadEndAndEveryStepIsReachedFromIntake() {
        Set<Step> reached = EnumSet.of(Step.INTAKE);
        table.rows().forEach(row -> reached.add(row.target()));
        assertThat(reached).containsExactlyInAnyOrder(Step.values());
        for (Step step : Step.values()) {
            if (step != Step.CLOSED) {
                assertThat(table.targetsFrom(step)).as("ways out of %s", step).isNotEqualTo(Set.of(step)).isNotEmpty();
            }
        }
    }

    @Test
    void aMediatorCanNameEveryStepAPartyWaitsInForAHandBack() {
        assertThat(table.namedTargets(Step.MEDIATION, Trigger.HAND_BACK))
                .isEqualTo(EnumSet.complementOf(EnumSet.of(Step.MEDIATION, Step.CLOSED)));
        assertThat(table.namedTargets(Step.TALKING, Trigger.HAND_BACK)).isEmpty();
    }

    @Test
    void everyRowCitesWhereItComesFrom() {
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.cites()).isNotBlank());
        assertThat(table.rows()).filteredOn(row -> row.trigger() == Trigger.ESCALATE)
                .extracting(TransitionTable.Row::cites).containsExactly("S0");
    }

    @Test
    void theStateMachineHasOneTransitionPerRowOfTheTable() {
        StateMachine<Step, Trigger> machine = new EscalationProcedure(ProcedureSettings.defaults()).newMachine();
        List<String> configured = machine.getTransitions().stream().map(TransitionTableTest::describe).sorted().toList();
        List<String> rows = table.rows().stream()
                .map(row -> row.source() + " " + row.trigger() + " -> " + row.target() + (row.internal() ? " internal" : ""))
                .sorted().toList();
        assertThat(configured).isEqualTo(rows);
    }

    private static String describe(Transition<Step, Trigger> transition) {
        return transition.getSource().getId() + " " + transition.getTrigger().getEvent() + " -> "
                + transition.getTarget().getId() + (transition.getKind() == TransitionKind.INTERNAL ? " internal" : "");
    }

    @Test
    void theTableRefusesRowsTheMachineCouldNotTellApartAndRowsLeavingClosed() {
        Effect nothing = (d, c, now) -> { };
        TransitionTable.Row escalate = new TransitionTable.Row(Step.TALKING, Trigger.ESCALATE, Branch.GO, false,
                Step.TERMS, nothing, "S0");
        assertThatThrownBy(() -> new TransitionTable(List.of(escalate, escalate)))
                .hasMessageContaining("two rows for ESCALATE");
        assertThatThrownBy(() -> new TransitionTable(List.of(new TransitionTable.Row(Step.CLOSED, Trigger.WITHDRAW,
                Branch.GO, false, Step.TALKING, nothing, "S0")))).hasMessageContaining("nothing leaves CLOSED");
        assertThatThrownBy(() -> new TransitionTable.Row(Step.TALKING, Trigger.ESCALATE, Branch.GO, false,
                Step.TERMS, nothing, " ")).hasMessageContaining("cites nothing");
    }

    @Test
    void theTableIsAValueThatCannotBeChangedFromOutside() {
        assertThatThrownBy(() -> table.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.triggersAt(Step.TALKING).clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
