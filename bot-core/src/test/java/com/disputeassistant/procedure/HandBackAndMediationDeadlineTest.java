package com.disputeassistant.procedure;

import static com.disputeassistant.procedure.Trigger.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.DeliveryStatus;
import com.disputeassistant.marketplace.PersonId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Spec "Human mediators": a hand-back is only offered at a step the dispute can resume at
 * ({@link Procedure#resumableSteps}), and a claimed dispute has a deadline after which it goes back to the queue.
 */
class HandBackAndMediationDeadlineTest {
    private static final PersonId ALICE = new PersonId("alice");
    private static final PersonId CAROL = new PersonId("carol");
    private static final Actor CLIENT = Actor.person("web:alice", ALICE);
    private static final Actor EXPERT = Actor.person("web:bob", new PersonId("bob"));
    private static final Actor REPLACEMENT = Actor.person("web:carol", CAROL);
    private static final Actor MEDIATOR = Actor.mediator("web:maria");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final ProcedureSettings settings = ProcedureSettings.defaults();
    private final Procedure procedure = new Procedure(settings);
    private Instant now = T0;

    private Transition apply(Dispute d, Command command) {
        return procedure.apply(d, command, now);
    }

    private void applied(Dispute d, Command command) {
        assertThat(apply(d, command).refused()).as("%s in %s", command.trigger(), d.step()).isEmpty();
    }

    private static Command cmd(Trigger trigger, Actor actor) {
        return Command.of(trigger, actor);
    }

    private static Command handBack(Step step) {
        return cmd(HAND_BACK, MEDIATOR).withStep(step);
    }

    private Dispute opened() {
        return Dispute.open(new DisputeId("D1"), ProcedureTest.order(DeliveryStatus.DELIVERED), ALICE, T0);
    }

    private Dispute atTasks() {
        Dispute d = opened();
        applied(d, cmd(CHOOSE_REASON, CLIENT).withReason(Reason.NOT_ACCEPTABLE));
        applied(d, cmd(DESCRIBE, CLIENT).withText("The edit skipped chapters 4 and 5"));
        applied(d, cmd(ESCALATE, CLIENT));
        applied(d, cmd(CONFIRM_TERMS, CLIENT));
        applied(d, cmd(CONFIRM_TERMS, EXPERT));
        return d;
    }

    /** Carol was assigned as a replacement and has not answered. */
    private Dispute atReplacement() {
        Dispute d = atTasks();
        applied(d, cmd(ADD_TASK, CLIENT).withText("Line-edit chapters 4 and 5"));
        applied(d, cmd(CONFIRM_TASKS, CLIENT));
        applied(d, cmd(ACCEPT_TASKS, EXPERT));
        applied(d, cmd(CHOOSE_OTHER_EXPERT, CLIENT));
        applied(d, cmd(CLAIM, MEDIATOR));
        applied(d, cmd(ASSIGN_REPLACEMENT, MEDIATOR).withPerson(CAROL));
        assertThat(d.step()).isEqualTo(Step.REPLACEMENT);
        return d;
    }

    private Dispute claimedIntakeWithAReasonOnly() {
        Dispute d = opened();
        applied(d, cmd(CHOOSE_REASON, CLIENT).withReason(Reason.OTHER));
        applied(d, cmd(ASK_FOR_HUMAN, CLIENT));
        applied(d, cmd(CLAIM, MEDIATOR));
        return d;
    }

    private Dispute claimedAfterTheReplacementLetTheDeadlinePass() {
        Dispute d = atReplacement();
        now = d.stepDeadline().orElseThrow();
        applied(d, cmd(DEADLINE_PASSED, Actor.BOT));
        applied(d, cmd(CLAIM, MEDIATOR));
        return d;
    }

    private Dispute claimedAtTasks() {
        Dispute d = atTasks();
        applied(d, cmd(ASK_FOR_HUMAN, EXPERT));
        applied(d, cmd(CLAIM, MEDIATOR));
        return d;
    }

    @Test
    void anIntakeHandedOffResumesOnlyAtTheIntakeWhichAsksAgainForWhatIsMissing() {
        Dispute d = claimedIntakeWithAReasonOnly();
        assertThat(d.resumeStep()).contains(Step.INTAKE);
        assertThat(procedure.resumableSteps(d)).containsExactly(Step.INTAKE);
        assertThat(apply(d, handBack(Step.TALKING)).refused().orElseThrow().key()).isEqualTo("refuse.handback.intake");

        applied(d, handBack(Step.INTAKE));
        assertThat(d.step()).isEqualTo(Step.INTAKE);
        assertThat(d.reason()).contains(Reason.OTHER);
        assertThat(d.description()).isEmpty();
        assertThat(d.stepDeadline()).contains(now.plus(settings.deadlineOf(Step.INTAKE)));
        applied(d, cmd(DESCRIBE, CLIENT).withText("The index is missing"));
        assertThat(d.step()).isEqualTo(Step.TALKING);
    }

    @Test
    void aReplacementWhoLetTheDeadlinePassIsAskedAgainWhenTheMediatorResumesThere() {
        Dispute d = claimedAfterTheReplacementLetTheDeadlinePass();
        assertThat(d.handoffReason()).contains(HandoffReason.NO_ANSWER);
        assertThat(procedure.resumableSteps(d)).first().isEqualTo(Step.REPLACEMENT);

        applied(d, handBack(Step.REPLACEMENT));
        assertThat(d.step()).isEqualTo(Step.REPLACEMENT);
        assertThat(d.replacementExpert()).contains(CAROL);
        assertThat(d.stepDeadline()).contains(now.plus(settings.deadlineOf(Step.REPLACEMENT)));
        applied(d, cmd(ACCEPT_HANDOVER, REPLACEMENT));
        assertThat(d.step()).isEqualTo(Step.REWORK);
    }

    @Test
    void theStepHandedOffFromComesFirstAndStepsWithoutWhatTheyNeedAreLeftOut() {
        Dispute d = claimedAtTasks();
        List<Step> steps = procedure.resumableSteps(d);
        assertThat(steps).first().isEqualTo(Step.TASKS);
        assertThat(steps).as("no tasks to rework or check yet; intake finished; no replacement pending")
                .doesNotContain(Step.REWORK, Step.CHECK, Step.INTAKE, Step.REPLACEMENT, Step.MEDIATION, Step.CLOSED)
                .contains(Step.TALKING, Step.TERMS, Step.EXPERT_CHOICE, Step.FEE);
    }

    @Test
    void everyStepOfferedIsAcceptedAndEveryOtherIsRefused() {
        List<Supplier<Dispute>> cases = List.of(this::claimedIntakeWithAReasonOnly,
                this::claimedAfterTheReplacementLetTheDeadlinePass, this::claimedAtTasks);
        for (Supplier<Dispute> aCase : cases) {
            Set<Step> offered = EnumSet.copyOf(procedure.resumableSteps(aCase.get()));
            for (Step step : Step.values()) {
                now = T0;
                Dispute d = aCase.get();
                Transition transition = apply(d, handBack(step));
                assertThat(transition.applied()).as("hand back at %s, offered %s", step, offered)
                        .isEqualTo(offered.contains(step));
            }
        }
    }

    @Test
    void onlyADisputeWithAMediatorHasStepsToResumeAt() {
        Dispute d = atTasks();
        assertThat(procedure.resumableSteps(d)).isEmpty();
        applied(d, cmd(ASK_FOR_HUMAN, CLIENT));
        assertThat(procedure.resumableSteps(d)).as("queued: what the claimer will be offered").first().isEqualTo(Step.TASKS);
    }

    @Test
    void aClaimedDisputeHasADeadlineAndIsBackInTheQueueWhenItPasses() {
        Dispute d = atTasks();
        applied(d, cmd(ASK_FOR_HUMAN, CLIENT));
        assertThat(d.stepDeadline()).as("a queued hand-off has no deadline").isEmpty();
        assertThat(apply(d, cmd(DEADLINE_PASSED, Actor.BOT)).refused().orElseThrow().key()).isEqualTo("refuse.deadline.not-yet");

        applied(d, cmd(CLAIM, MEDIATOR));
        Instant deadline = T0.plus(Duration.ofDays(2));
        assertThat(d.stepDeadline()).contains(deadline);
        assertThat(d.reminders()).as("the mediator is reminded half-way").containsExactly(T0.plus(Duration.ofDays(1)));

        now = deadline.minusSeconds(1);
        assertThat(apply(d, cmd(DEADLINE_PASSED, Actor.BOT)).refused().orElseThrow().key()).isEqualTo("refuse.deadline.not-yet");
        now = deadline;
        Transition expired = apply(d, cmd(DEADLINE_PASSED, Actor.BOT));
        assertThat(expired.entry().why()).isEqualTo("deadline passed (back to queue)");
        assertThat(expired.entry().actor()).isEqualTo("bot");
        assertThat(d.step()).isEqualTo(Step.MEDIATION);
        assertThat(d.awaitsMediator()).isTrue();
        assertThat(d.stepDeadline()).isEmpty();
        assertThat(d.reminders()).as("announced again as a hand-off").containsExactly(now.plus(settings.reannounceAfter()));
        assertThat(d.resumeStep()).contains(Step.TASKS);
        assertThat(d.handedOffAt()).as("keeps its place in the queue").contains(T0);
    }

    @Test
    void releasingOrHandingBackEndsTheMediatorsDeadline() {
        Dispute released = claimedAtTasks();
        applied(released, cmd(RELEASE, MEDIATOR));
        assertThat(released.stepDeadline()).isEmpty();
        assertThat(released.reminders()).containsExactly(T0.plus(settings.reannounceAfter()));

        Dispute handedBack = claimedAtTasks();
        applied(handedBack, handBack(Step.TASKS));
        assertThat(handedBack.stepDeadline()).contains(T0.plus(settings.deadlineOf(Step.TASKS)));
        assertThat(handedBack.reminders()).allSatisfy(at -> assertThat(at).isNotEqualTo(T0.plus(Duration.ofDays(1))));
    }
}
