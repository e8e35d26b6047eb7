package com.disputeassistant.procedure;

import static com.disputeassistant.procedure.Trigger.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.ExtensionAnswer;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.StallReason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.marketplace.DeliveryStatus;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.Terms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every transition of the procedure, including its guards, on the dispute itself (no I/O). */
class ProcedureTest {
    private static final PersonId ALICE = new PersonId("alice");
    private static final PersonId BOB = new PersonId("bob");
    private static final PersonId CAROL = new PersonId("carol");
    private static final Actor CLIENT = Actor.person("web:alice", ALICE);
    private static final Actor EXPERT = Actor.person("web:bob", BOB);
    private static final Actor REPLACEMENT = Actor.person("web:carol", CAROL);
    private static final Actor MEDIATOR = Actor.mediator("web:maria");
    private static final Actor OTHER_MEDIATOR = Actor.mediator("web:omar");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final ProcedureSettings settings = ProcedureSettings.defaults();
    private final Procedure procedure = new Procedure(settings);
    private Instant now = T0;

    static Order order(DeliveryStatus status) {
        return new Order(new OrderId("ORD-1"), "Copy-editing", ALICE, BOB,
                new Terms(List.of("Line edit"), LocalDate.of(2026, 10, 1), Money.of("1000", "EUR"), Money.of("1000", "EUR")),
                status, List.of());
    }

    private Dispute opened(DeliveryStatus status) {
        return Dispute.open(new DisputeId("D1"), order(status), ALICE, T0);
    }

    private Transition apply(Dispute d, Command command) {
        return procedure.apply(d, command, now);
    }

    private void applied(Dispute d, Command command) {
        Transition transition = apply(d, command);
        assertThat(transition.refused()).as("%s in %s", command.trigger(), transition.from()).isEmpty();
    }

    private String refusal(Dispute d, Command command) {
        Step before = d.step();
        int seq = d.stepSeq();
        Transition transition = apply(d, command);
        assertThat(d.step()).isEqualTo(before);
        assertThat(d.stepSeq()).isEqualTo(seq);
        return transition.refused().orElseThrow(() -> new AssertionError(command + " was applied")).key();
    }

    private static Command cmd(Trigger trigger, Actor actor) {
        return Command.of(trigger, actor);
    }

    private Dispute atTalking() {
        Dispute d = opened(DeliveryStatus.DELIVERED);
        applied(d, cmd(CHOOSE_REASON, CLIENT).withReason(Reason.NOT_ACCEPTABLE));
        applied(d, cmd(DESCRIBE, CLIENT).withText("The edit skipped chapters 4 and 5"));
        return d;
    }

    private Dispute undeliveredAtTalking() {
        Dispute d = opened(DeliveryStatus.NOT_DELIVERED);
        applied(d, cmd(CHOOSE_REASON, CLIENT).withReason(Reason.NOT_DELIVERED_OR_LATE));
        applied(d, cmd(DESCRIBE, CLIENT).withText("The editor kept asking for more time"));
        return d;
    }

    private void agreeOnTasksAndStartRework(Dispute d, String... tasks) {
        applied(d, cmd(ESCALATE, CLIENT));
        applied(d, cmd(CONFIRM_TERMS, CLIENT));
        applied(d, cmd(CONFIRM_TERMS, EXPERT));
        for (String task : tasks) {
            applied(d, cmd(ADD_TASK, CLIENT).withText(task));
        }
        applied(d, cmd(CONFIRM_TASKS, CLIENT));
        applied(d, cmd(ACCEPT_TASKS, EXPERT));
        applied(d, cmd(CHOOSE_SAME_EXPERT, CLIENT));
    }

    private Dispute atTasks() {
        Dispute d = atTalking();
        applied(d, cmd(ESCALATE, EXPERT));
        applied(d, cmd(CONFIRM_TERMS, CLIENT));
        applied(d, cmd(CONFIRM_TERMS, EXPERT));
        return d;
    }

    private Dispute atExpertChoice() {
        Dispute d = atTasks();
        applied(d, cmd(ADD_TASK, CLIENT).withText("Line-edit chapters 4 and 5"));
        applied(d, cmd(ADD_TASK, CLIENT).withText("Update the style sheet with the new spellings"));
        applied(d, cmd(CONFIRM_TASKS, CLIENT));
        applied(d, cmd(ACCEPT_TASKS, EXPERT));
        return d;
    }

    private Dispute atRework() {
        Dispute d = atExpertChoice();
        applied(d, cmd(CHOOSE_SAME_EXPERT, CLIENT));
        return d;
    }

    private Dispute atCheck() {
        Dispute d = atRework();
        applied(d, cmd(MARK_TASK_DONE, EXPERT).withNumber(1));
        applied(d, cmd(MARK_TASK_DONE, EXPERT).withNumber(2));
        applied(d, cmd(REDELIVER, EXPERT));
        return d;
    }

    private Dispute atFee() {
        Dispute d = atCheck();
        applied(d, cmd(CHECK_TASK, CLIENT).withNumber(1).withVerdict(TaskVerdict.DONE));
        applied(d, cmd(CHECK_TASK, CLIENT).withNumber(2).withVerdict(TaskVerdict.NOT_DONE));
        assertThat(d.step()).isEqualTo(Step.REWORK);
        applied(d, cmd(MARK_TASK_DONE, EXPERT).withNumber(2));
        applied(d, cmd(REDELIVER, EXPERT));
        applied(d, cmd(CHECK_TASK, CLIENT).withNumber(2).withVerdict(TaskVerdict.NOT_DONE));
        assertThat(d.step()).isEqualTo(Step.FEE);
        return d;
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void intakeNeedsAReasonThenADescriptionFromTheOpener() {
        Dispute d = opened(DeliveryStatus.DELIVERED);
        assertThat(refusal(d, cmd(DESCRIBE, CLIENT).withText("late"))).isEqualTo("refuse.reason.first");
        assertThat(refusal(d, cmd(CHOOSE_REASON, EXPERT).withReason(Reason.OTHER))).isEqualTo("refuse.not-yours");
        applied(d, cmd(CHOOSE_REASON, CLIENT).withReason(Reason.NOT_DELIVERED_OR_LATE));
        assertThat(refusal(d, cmd(DESCRIBE, CLIENT).withText("   "))).isEqualTo("refuse.text.empty");
        applied(d, cmd(DESCRIBE, CLIENT).withText("Nothing arrived"));
        assertThat(d.step()).isEqualTo(Step.TALKING);
        assertThat(d.stepDeadline()).contains(T0.plus(settings.deadlineOf(Step.TALKING)));
    }

    @Test
    void aMachineThatClosedOneDisputeServesTheNextOneFromItsOwnStep() {
        // Machines are pooled: one that reached CLOSED (a final state) must not carry it into another dispute.
        for (int i = 0; i < 3; i++) {
            Dispute closing = opened(DeliveryStatus.DELIVERED);
            applied(closing, cmd(WITHDRAW, CLIENT));
            assertThat(closing.isClosed()).isTrue();

            Dispute next = opened(DeliveryStatus.DELIVERED);
            applied(next, cmd(CHOOSE_REASON, CLIENT).withReason(Reason.OTHER));
            applied(next, cmd(DESCRIBE, CLIENT).withText("The index is missing"));
            assertThat(next.step()).isEqualTo(Step.TALKING);
        }
    }

    @Test
    void partiesResolveItThemselvesOnlyWhenTheOtherConfirms() {
        Dispute d = atTalking();
        assertThat(refusal(d, cmd(CONFIRM_RESOLVED, CLIENT))).isEqualTo("refuse.resolved.nothing");
        applied(d, cmd(PROPOSE_RESOLVED, CLIENT));
        assertThat(refusal(d, cmd(CONFIRM_RESOLVED, CLIENT))).isEqualTo("refuse.resolved.nothing");
        applied(d, cmd(CONFIRM_RESOLVED, EXPERT));
        assertThat(d.outcome().orElseThrow().type()).isEqualTo(OutcomeType.RESOLVED_BY_PARTIES);
        assertThat(d.step()).isEqualTo(Step.CLOSED);
        assertThat(refusal(d, cmd(ESCALATE, CLIENT))).isEqualTo("refuse.closed");
    }

    @Test
    void talkingEscalatesByItselfWhenItsWindowPasses() {
        Dispute d = atTalking();
        assertThat(refusal(d, cmd(DEADLINE_PASSED, Actor.BOT))).isEqualTo("refuse.deadline.not-yet");
        now = T0.plus(Duration.ofDays(3));
        applied(d, cmd(DEADLINE_PASSED, Actor.BOT));
        assertThat(d.step()).isEqualTo(Step.TERMS);
    }

    @Test
    void termsNeedBothConfirmationsAndUnclearTermsGoToAMediator() {
        Dispute d = atTalking();
        applied(d, cmd(ESCALATE, CLIENT));
        applied(d, cmd(CONFIRM_TERMS, CLIENT));
        assertThat(d.step()).isEqualTo(Step.TERMS);
        assertThat(refusal(d, cmd(CONFIRM_TERMS, CLIENT))).isEqualTo("refuse.terms.already");
        applied(d, cmd(DISPUTE_TERMS, EXPERT));
        assertThat(d.step()).isEqualTo(Step.MEDIATION);
        assertThat(d.handoffReason()).contains(HandoffReason.TERMS_UNCLEAR);
        assertThat(d.resumeStep()).contains(Step.TASKS);
    }

    @Test
    void vagueTasksAreRefusedAndConcreteOnesKept() {
        Dispute d = atTasks();
        assertThat(refusal(d, cmd(ADD_TASK, CLIENT).withText("I'm not happy"))).isEqualTo("refuse.task.vague");
        assertThat(refusal(d, cmd(ADD_TASK, CLIENT).withText("bad work"))).isEqualTo("refuse.task.vague");
        assertThat(refusal(d, cmd(ADD_TASK, CLIENT).withText("Make it better, this is poor quality"))).isEqualTo("refuse.task.vague");
        assertThat(refusal(d, cmd(CONFIRM_TASKS, CLIENT))).isEqualTo("refuse.tasks.empty");
        assertThat(refusal(d, cmd(ADD_TASK, EXPERT).withText("Translate the abstract"))).isEqualTo("refuse.not-yours");
        applied(d, cmd(ADD_TASK, CLIENT).withText("Translate the abstract into German"));
        applied(d, cmd(ADD_TASK, CLIENT).withText("Fix the figure numbering in chapter 3"));
        applied(d, cmd(REMOVE_TASK, CLIENT).withNumber(1));
        assertThat(d.tasks()).extracting(t -> t.text()).containsExactly("Fix the figure numbering in chapter 3");
        applied(d, cmd(CONFIRM_TASKS, CLIENT));
        assertThat(d.step()).isEqualTo(Step.TASK_REVIEW);
    }

    @Test
    void tasksTheExpertCallsOutOfScopeGoToAMediatorWhoDecidesThem() {
        Dispute d = atTasks();
        applied(d, cmd(ADD_TASK, CLIENT).withText("Line-edit chapters 4 and 5"));
        applied(d, cmd(ADD_TASK, CLIENT).withText("Write a new epilogue chapter"));
        applied(d, cmd(CONFIRM_TASKS, CLIENT));
        applied(d, cmd(DISPUTE_TASK, EXPERT).withNumber(2));
        applied(d, cmd(ACCEPT_TASKS, EXPERT));
        assertThat(d.step()).isEqualTo(Step.MEDIATION);
        assertThat(d.handoffReason()).contains(HandoffReason.SCOPE_DISPUTED);
        assertThat(d.task(1).orElseThrow().scope()).isEqualTo(TaskScope.ACCEPTED);
        assertThat(refusal(d, cmd(RULE_TASK_OUT_OF_SCOPE, MEDIATOR).withNumber(2))).isEqualTo("refuse.mediator.claim-first");
        applied(d, cmd(CLAIM, MEDIATOR));
        assertThat(refusal(d, cmd(CLAIM, OTHER_MEDIATOR))).isEqualTo("refuse.claim.taken");
        assertThat(refusal(d, cmd(CLAIM, CLIENT))).isEqualTo("refuse.not-yours");
        applied(d, cmd(RULE_TASK_OUT_OF_SCOPE, MEDIATOR).withNumber(2));
        assertThat(d.task(2).orElseThrow().scope()).isEqualTo(TaskScope.EXCLUDED);
        applied(d, cmd(HAND_BACK, MEDIATOR).withStep(Step.EXPERT_CHOICE));
        assertThat(d.step()).isEqualTo(Step.EXPERT_CHOICE);
        assertThat(d.mediator()).isEmpty();
    }

    @Test
    void anotherExpertIsAssignedByAMediatorAndAcceptsTheHandover() {
        Dispute d = atExpertChoice();
        applied(d, cmd(CHOOSE_OTHER_EXPERT, CLIENT));
        assertThat(d.handoffReason()).contains(HandoffReason.REPLACEMENT_NEEDED);
        applied(d, cmd(CLAIM, MEDIATOR));
        assertThat(refusal(d, cmd(ASSIGN_REPLACEMENT, MEDIATOR).withPerson(BOB))).isEqualTo("refuse.replacement.person");
        applied(d, cmd(ASSIGN_REPLACEMENT, MEDIATOR).withPerson(CAROL));
        assertThat(d.step()).isEqualTo(Step.REPLACEMENT);
        assertThat(refusal(d, cmd(ACCEPT_HANDOVER, EXPERT))).isEqualTo("refuse.not-yours");
        applied(d, cmd(ACCEPT_HANDOVER, REPLACEMENT));
        assertThat(d.step()).isEqualTo(Step.REWORK);
        assertThat(d.workingExpert()).isEqualTo(CAROL);
        assertThat(d.stepDeadline()).contains(T0.plus(settings.reworkTime()));
    }

    @Test
    void aDeclinedHandoverGoesBackToAMediator() {
        Dispute d = atExpertChoice();
        applied(d, cmd(CHOOSE_OTHER_EXPERT, CLIENT));
        applied(d, cmd(CLAIM, MEDIATOR));
        applied(d, cmd(ASSIGN_REPLACEMENT, MEDIATOR).withPerson(CAROL));
        applied(d, cmd(DECLINE_HANDOVER, REPLACEMENT));
        assertThat(d.step()).isEqualTo(Step.MEDIATION);
        assertThat(d.handoffReason()).contains(HandoffReason.REPLACEMENT_DECLINED);
        assertThat(d.replacementExpert()).isEmpty();
    }

    @Test
    void extensionsAreLedgeredAndTheThirdRequestStallsWithoutTheClientChasing() {
        Dispute d = atRework();
        Instant deadline = d.reworkDeadline().orElseThrow();
        applied(d, cmd(REQUEST_EXTENSION, EXPERT).withNumber(3).withText("figures arrived late"));
        assertThat(refusal(d, cmd(REQUEST_EXTENSION, EXPERT).withNumber(2))).isEqualTo("refuse.extension.pending");
        applied(d, cmd(GRANT_EXTENSION, CLIENT));
        assertThat(d.stepDeadline()).contains(deadline.plus(Duration.ofDays(3)));
        applied(d, cmd(REQUEST_EXTENSION, EXPERT).withNumber(2));
        applied(d, cmd(DECLINE_EXTENSION, CLIENT));
        assertThat(refusal(d, cmd(REQUEST_EXTENSION, EXPERT).withNumber(99))).isEqualTo("refuse.days.range");
        applied(d, cmd(REQUEST_EXTENSION, EXPERT).withNumber(4));
        assertThat(d.step()).isEqualTo(Step.STALLED);
        assertThat(d.stalledBecause()).contains(StallReason.EXTENSION_CAP);
        assertThat(d.extensions()).extracting(e -> e.answer())
                .containsExactly(ExtensionAnswer.GRANTED, ExtensionAnswer.DECLINED, ExtensionAnswer.OVER_CAP);
        // Something was delivered before, so no full refund is offered.
        assertThat(refusal(d, cmd(REQUEST_FULL_REFUND, CLIENT))).isEqualTo("refuse.refund.delivered");
        applied(d, cmd(CHOOSE_FAIR_FEE, CLIENT));
        assertThat(d.step()).isEqualTo(Step.FEE);
    }

    @Test
    void aMissedDeadlineWithNothingDeliveredOffersAFullRefundThatAMediatorConfirms() {
        Dispute d = undeliveredAtTalking();
        applied(d, cmd(REQUEST_MONEY_BACK, CLIENT));
        assertThat(d.step()).isEqualTo(Step.TALKING);
        assertThat(d.moneyBackRequested()).isTrue();
        agreeOnTasksAndStartRework(d, "Deliver the edited manuscript chapters 1-12");
        now = d.stepDeadline().orElseThrow();
        applied(d, cmd(DEADLINE_PASSED, Actor.BOT));
        assertThat(d.step()).isEqualTo(Step.STALLED);
        assertThat(d.stalledBecause()).contains(StallReason.DEADLINE_MISSED);
        applied(d, cmd(REQUEST_FULL_REFUND, CLIENT));
        assertThat(d.handoffReason()).contains(HandoffReason.FULL_REFUND_REQUESTED);
        applied(d, cmd(CLAIM, MEDIATOR));
        applied(d, cmd(DECIDE_FULL_REFUND, MEDIATOR));
        var outcome = d.outcome().orElseThrow();
        assertThat(outcome.type()).isEqualTo(OutcomeType.REFUNDED_IN_FULL);
        assertThat(outcome.refund()).isEqualTo(eur("1000"));
        assertThat(outcome.payout().plus(outcome.refund())).isEqualTo(d.paid());
    }

    @Test
    void allTasksDoneClosesWithAFullPayout() {
        Dispute d = atCheck();
        assertThat(refusal(d, cmd(CHECK_TASK, CLIENT).withNumber(9).withVerdict(TaskVerdict.DONE))).isEqualTo("refuse.task.unknown");
        applied(d, cmd(CHECK_TASK, CLIENT).withNumber(1).withVerdict(TaskVerdict.DONE));
        assertThat(d.step()).isEqualTo(Step.CHECK);
        applied(d, cmd(CHECK_TASK, CLIENT).withNumber(2).withVerdict(TaskVerdict.DONE));
        var outcome = d.outcome().orElseThrow();
        assertThat(outcome.type()).isEqualTo(OutcomeType.ACCEPTED_AFTER_REWORK);
        assertThat(outcome.payout()).isEqualTo(d.paid());
        assertThat(outcome.refund().isZero()).isTrue();
    }

    @Test
    void redeliveryNeedsATickedTask() {
        Dispute d = atRework();
        assertThat(refusal(d, cmd(REDELIVER, EXPERT))).isEqualTo("refuse.redeliver.nothing");
        assertThat(refusal(d, cmd(MARK_TASK_DONE, CLIENT).withNumber(1))).isEqualTo("refuse.not-yours");
    }

    @Test
    void aFailedCheckGetsOneMoreRoundThenGoesToTheFairFee() {
        Dispute d = atFee();
        assertThat(d.reworkRound()).isEqualTo(2);
        assertThat(d.task(1).orElseThrow().verdict()).isEqualTo(TaskVerdict.DONE);
    }

    @Test
    void closeFeeProposalsMeetInTheMiddleWhenBothAccept() {
        Dispute d = atFee();
        assertThat(refusal(d, cmd(PROPOSE_FEE, CLIENT).withAmount(eur("1000.01")))).isEqualTo("refuse.fee.amount");
        assertThat(refusal(d, cmd(PROPOSE_FEE, CLIENT).withAmount(Money.of("10", "USD")))).isEqualTo("refuse.fee.amount");
        applied(d, cmd(PROPOSE_FEE, CLIENT).withAmount(eur("600")));
        assertThat(refusal(d, cmd(PROPOSE_FEE, CLIENT).withAmount(eur("650")))).isEqualTo("refuse.fee.wait");
        assertThat(refusal(d, cmd(ACCEPT_OTHER_FEE, EXPERT))).isEqualTo("refuse.fee.no-figure");
        applied(d, cmd(PROPOSE_FEE, EXPERT).withAmount(eur("680")));
        assertThat(d.feeSuggestion()).contains(eur("640"));
        applied(d, cmd(ACCEPT_SUGGESTED_FEE, CLIENT));
        assertThat(d.step()).isEqualTo(Step.FEE);
        applied(d, cmd(ACCEPT_SUGGESTED_FEE, EXPERT));
        var outcome = d.outcome().orElseThrow();
        assertThat(outcome.type()).isEqualTo(OutcomeType.SETTLED);
        assertThat(outcome.payout()).isEqualTo(eur("640"));
        assertThat(outcome.refund()).isEqualTo(eur("360"));
    }

    @Test
    void farApartProposalsGoRoundByRoundAndThenToAMediatorWhoDecides() {
        Dispute d = atFee();
        for (int round = 0; round < settings.feeRounds(); round++) {
            applied(d, cmd(PROPOSE_FEE, CLIENT).withAmount(eur("100")));
            applied(d, cmd(PROPOSE_FEE, EXPERT).withAmount(eur("900")));
        }
        assertThat(d.step()).isEqualTo(Step.MEDIATION);
        assertThat(d.handoffReason()).contains(HandoffReason.FEE_IMPASSE);
        applied(d, cmd(CLAIM, MEDIATOR));
        assertThat(refusal(d, cmd(DECIDE_FEE, MEDIATOR).withAmount(eur("1200")))).isEqualTo("refuse.fee.amount");
        applied(d, cmd(DECIDE_FEE, MEDIATOR).withAmount(eur("450")));
        var outcome = d.outcome().orElseThrow();
        assertThat(outcome.type()).isEqualTo(OutcomeType.DECIDED_BY_MEDIATOR);
        assertThat(outcome.payout().plus(outcome.refund())).isEqualTo(d.paid());
    }

    @Test
    void eitherPartyCanAcceptTheOthersFigureOnceBothAreShown() {
        Dispute d = atFee();
        applied(d, cmd(PROPOSE_FEE, CLIENT).withAmount(eur("100")));
        applied(d, cmd(PROPOSE_FEE, EXPERT).withAmount(eur("900")));
        applied(d, cmd(ACCEPT_OTHER_FEE, EXPERT));
        assertThat(d.outcome().orElseThrow().payout()).isEqualTo(eur("100"));
    }

    @Test
    void theBotNeverOffersAFullRefundOnceARedeliveredTaskWasConfirmedDone() {
        Dispute d = undeliveredAtTalking();
        agreeOnTasksAndStartRework(d, "Deliver the edited chapters 1-6", "Deliver the edited chapters 7-12");
        applied(d, cmd(MARK_TASK_DONE, EXPERT).withNumber(1));
        applied(d, cmd(REDELIVER, EXPERT));
        applied(d, cmd(CHECK_TASK, CLIENT).withNumber(1).withVerdict(TaskVerdict.DONE));
        applied(d, cmd(CHECK_TASK, CLIENT).withNumber(2).withVerdict(TaskVerdict.NOT_DONE));
        now = d.stepDeadline().orElseThrow();
        applied(d, cmd(DEADLINE_PASSED, Actor.BOT));
        assertThat(d.step()).isEqualTo(Step.STALLED);
        assertThat(procedure.fullRefundOfferable(d)).isFalse();
        assertThat(refusal(d, cmd(REQUEST_FULL_REFUND, CLIENT))).isEqualTo("refuse.refund.delivered");
        applied(d, cmd(REQUEST_MONEY_BACK, CLIENT));
        assertThat(d.step()).isEqualTo(Step.STALLED);
    }

    @Test
    void anyPartyCanAskForAHumanAndTheMediatorHandsBackAtANamedStep() {
        Dispute d = atTasks();
        applied(d, cmd(ASK_FOR_HUMAN, EXPERT));
        assertThat(d.step()).isEqualTo(Step.MEDIATION);
        assertThat(d.resumeStep()).contains(Step.TASKS);
        assertThat(refusal(d, cmd(ASK_FOR_HUMAN, CLIENT))).isEqualTo("refuse.step");
        applied(d, cmd(CLAIM, MEDIATOR));
        applied(d, cmd(DEFINE_TERMS, MEDIATOR).withText("Line edit means grammar and style, not content"));
        assertThat(refusal(d, cmd(HAND_BACK, MEDIATOR).withStep(Step.INTAKE))).isEqualTo("refuse.handback.step");
        applied(d, cmd(HAND_BACK, MEDIATOR).withStep(Step.TERMS));
        assertThat(d.step()).isEqualTo(Step.TERMS);
        assertThat(d.termsConfirmedBy()).isEmpty();
        assertThat(d.termsDefinedByMediator()).contains("Line edit means grammar and style, not content");
    }

    @Test
    void aRejectedResolutionKeepsThemTalking() {
        Dispute d = atTalking();
        applied(d, cmd(PROPOSE_RESOLVED, EXPERT));
        assertThat(refusal(d, cmd(PROPOSE_RESOLVED, CLIENT))).isEqualTo("refuse.resolved.pending");
        applied(d, cmd(REJECT_RESOLVED, CLIENT));
        assertThat(d.resolutionProposedBy()).isEmpty();
        assertThat(d.step()).isEqualTo(Step.TALKING);
    }

    @Test
    void aStalledClientCanAskForAnotherExpertOrAMediator() {
        Dispute viaReplacement = stalledByTheCap();
        applied(viaReplacement, cmd(CHOOSE_REPLACEMENT, CLIENT));
        assertThat(viaReplacement.handoffReason()).contains(HandoffReason.REPLACEMENT_NEEDED);
        assertThat(viaReplacement.resumeStep()).contains(Step.STALLED);

        Dispute viaMediator = stalledByTheCap();
        assertThat(refusal(viaMediator, cmd(CHOOSE_MEDIATOR, EXPERT))).isEqualTo("refuse.not-yours");
        applied(viaMediator, cmd(CHOOSE_MEDIATOR, CLIENT));
        assertThat(viaMediator.step()).isEqualTo(Step.MEDIATION);
        assertThat(viaMediator.handoffReason()).contains(HandoffReason.EXTENSION_CAP);
    }

    private Dispute stalledByTheCap() {
        Dispute d = atRework();
        for (int i = 0; i <= settings.extensionCap(); i++) {
            applied(d, cmd(REQUEST_EXTENSION, EXPERT).withNumber(2));
            if (d.step() == Step.REWORK) {
                applied(d, cmd(GRANT_EXTENSION, CLIENT));
            }
        }
        assertThat(d.step()).isEqualTo(Step.STALLED);
        return d;
    }

    @Test
    void aMediatorRulesTasksInScopeSetsTheReworkDeadlineAndClosesAsResolved() {
        Dispute d = atTasks();
        applied(d, cmd(ADD_TASK, CLIENT).withText("Write a new epilogue chapter"));
        applied(d, cmd(CONFIRM_TASKS, CLIENT));
        applied(d, cmd(DISPUTE_TASK, EXPERT).withNumber(1));
        applied(d, cmd(ACCEPT_TASKS, EXPERT));
        applied(d, cmd(CLAIM, MEDIATOR));
        assertThat(refusal(d, cmd(SET_DEADLINE, MEDIATOR).withNumber(0))).isEqualTo("refuse.days.range");
        applied(d, cmd(RULE_TASK_IN_SCOPE, MEDIATOR).withNumber(1));
        assertThat(d.task(1).orElseThrow().scope()).isEqualTo(TaskScope.ACCEPTED);
        assertThat(refusal(d, cmd(RULE_TASK_IN_SCOPE, MEDIATOR).withNumber(1))).isEqualTo("refuse.task.not-disputed");
        applied(d, cmd(SET_DEADLINE, MEDIATOR).withNumber(10));
        applied(d, cmd(HAND_BACK, MEDIATOR).withStep(Step.REWORK));
        assertThat(d.stepDeadline()).contains(T0.plus(Duration.ofDays(10)));
        applied(d, cmd(ASK_FOR_HUMAN, CLIENT));
        applied(d, cmd(CLAIM, OTHER_MEDIATOR));
        assertThat(refusal(d, cmd(CLOSE_AS_RESOLVED, MEDIATOR))).isEqualTo("refuse.mediator.claim-first");
        applied(d, cmd(CLOSE_AS_RESOLVED, OTHER_MEDIATOR));
        assertThat(d.outcome().orElseThrow().type()).isEqualTo(OutcomeType.RESOLVED_BY_PARTIES);
    }

    @Test
    void theOpenerCanWithdrawAtAnyStep() {
        Dispute d = atTasks();
        assertThat(refusal(d, cmd(WITHDRAW, EXPERT))).isEqualTo("refuse.not-yours");
        applied(d, cmd(WITHDRAW, CLIENT));
        assertThat(d.outcome().orElseThrow().type()).isEqualTo(OutcomeType.WITHDRAWN);
    }

    @Test
    void aTriggerThatDoesNotBelongToTheStepIsRefused() {
        Dispute d = atTalking();
        assertThat(refusal(d, cmd(CONFIRM_TASKS, CLIENT))).isEqualTo("refuse.step");
        assertThat(refusal(d, cmd(CHECK_TASK, CLIENT).withNumber(1).withVerdict(TaskVerdict.DONE))).isEqualTo("refuse.step");
    }

    @Test
    void unansweredStepsGoToAMediatorResumingThere() {
        Dispute d = atExpertChoice();
        now = d.stepDeadline().orElseThrow();
        applied(d, cmd(DEADLINE_PASSED, Actor.BOT));
        assertThat(d.step()).isEqualTo(Step.MEDIATION);
        assertThat(d.handoffReason()).contains(HandoffReason.NO_ANSWER);
        assertThat(d.resumeStep()).contains(Step.EXPERT_CHOICE);
    }
}
