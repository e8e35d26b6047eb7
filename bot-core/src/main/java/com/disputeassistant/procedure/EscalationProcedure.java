package com.disputeassistant.procedure;

import static com.disputeassistant.dispute.Step.CHECK;
import static com.disputeassistant.dispute.Step.CLOSED;
import static com.disputeassistant.dispute.Step.EXPERT_CHOICE;
import static com.disputeassistant.dispute.Step.FEE;
import static com.disputeassistant.dispute.Step.INTAKE;
import static com.disputeassistant.dispute.Step.MEDIATION;
import static com.disputeassistant.dispute.Step.REPLACEMENT;
import static com.disputeassistant.dispute.Step.REWORK;
import static com.disputeassistant.dispute.Step.STALLED;
import static com.disputeassistant.dispute.Step.TALKING;
import static com.disputeassistant.dispute.Step.TASKS;
import static com.disputeassistant.dispute.Step.TASK_REVIEW;
import static com.disputeassistant.dispute.Step.TERMS;
import static com.disputeassistant.procedure.Branch.ALL_ACCEPTED;
import static com.disputeassistant.procedure.Branch.ALL_DONE;
import static com.disputeassistant.procedure.Branch.ANOTHER_ROUND;
import static com.disputeassistant.procedure.Branch.BACK_TO_QUEUE;
import static com.disputeassistant.procedure.Branch.BOTH_CONFIRMED;
import static com.disputeassistant.procedure.Branch.FULL_REFUND_OFFERED;
import static com.disputeassistant.procedure.Branch.IMPASSE;
import static com.disputeassistant.procedure.Branch.NEXT_ROUND;
import static com.disputeassistant.procedure.Branch.OVER_CAP;
import static com.disputeassistant.procedure.Branch.RECORDED;
import static com.disputeassistant.procedure.Branch.SCOPE_DISPUTED;
import static com.disputeassistant.procedure.Branch.SETTLED;
import static com.disputeassistant.procedure.Branch.SUGGESTED;
import static com.disputeassistant.procedure.Branch.TO_FEE;
import static com.disputeassistant.procedure.Trigger.*;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Extension;
import com.disputeassistant.dispute.ExtensionAnswer;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.StallReason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.marketplace.Money;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;

/**
 * The whole escalation procedure in one place, step by step as {@code shared/spec/escalation-procedure.md}
 * states it; each block cites the seed sentence it comes from. Read a line as "in STEP, on TRIGGER,
 * when BRANCH, go to STEP doing EFFECT". {@link Rules} decides the branch; the effects below change the
 * dispute; the state machine only connects the two.
 *
 * <p>The lines build a {@link TransitionTable}, a value: the Spring Statemachine configuration
 * ({@link #newMachine()}), the check of which triggers a step accepts, the graph tests and the README's
 * diagram ({@link ProcedureDiagram}) all come from it.
 */
final class EscalationProcedure {
    static final String DISPUTE = "dispute";
    static final String NOW = "now";
    static final String COMMAND = "command";
    static final String BRANCH = "branch";
    static final String FIRED = "fired";

    /** Steps in which a dispute is open and waiting for a party; also the steps a mediator can hand back to. */
    private static final Set<Step> PARTY_STEPS = EnumSet.of(INTAKE, TALKING, TERMS, TASKS, TASK_REVIEW,
            EXPERT_CHOICE, REPLACEMENT, REWORK, STALLED, CHECK, FEE);

    private final ProcedureSettings settings;
    private final TransitionTable table;
    private final List<Guard<Step, Trigger>> guards;
    private final List<Action<Step, Trigger>> actions;

    EscalationProcedure(ProcedureSettings settings) {
        this.settings = settings;
        TransitionTable.Builder in = TransitionTable.builder();
        define(in);
        this.table = in.build();
        // One guard and one action object per row, made once: the machine is configured with them and the
        // direct path runs the very same objects.
        this.guards = table.rows().stream().<Guard<Step, Trigger>>map(row -> context -> matches(row, context)).toList();
        this.actions = table.rows().stream().<Action<Step, Trigger>>map(row -> context -> run(row, context)).toList();
    }

    /** The procedure as data: every transition, in the order defined below. */
    TransitionTable table() {
        return table;
    }

    /** Whether the procedure has a transition for this trigger at this step. */
    boolean accepts(Step step, Trigger trigger) {
        return table.accepts(step, trigger);
    }

    /**
     * A Spring state machine configured from the table: one transition per row, guarded by its branch, each
     * named by its row's position so that {@link DirectTransitions} can find the row's guard and action
     * again when it reads the machine's model.
     */
    StateMachine<Step, Trigger> newMachine() {
        try {
            StateMachineBuilder.Builder<Step, Trigger> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false).machineId("escalation-procedure");
            builder.configureStates().withStates().initial(INTAKE).states(EnumSet.allOf(Step.class)).end(CLOSED);
            StateMachineTransitionConfigurer<Step, Trigger> transitions = builder.configureTransitions();
            List<TransitionTable.Row> rows = table.rows();
            for (int i = 0; i < rows.size(); i++) {
                TransitionTable.Row row = rows.get(i);
                if (row.internal()) {
                    transitions.withInternal().name(String.valueOf(i)).source(row.source()).event(row.trigger())
                            .guard(guards.get(i)).action(actions.get(i));
                } else {
                    transitions.withExternal().name(String.valueOf(i)).source(row.source()).target(row.target())
                            .event(row.trigger()).guard(guards.get(i)).action(actions.get(i));
                }
            }
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("the procedure's state machine could not be built", e);
        }
    }

    /** The guard the machine's transition with this name runs (the name is its row's position). */
    Guard<Step, Trigger> guardNamed(String name) {
        return guards.get(Integer.parseInt(name));
    }

    /** The action the machine's transition with this name runs (the name is its row's position). */
    Action<Step, Trigger> actionNamed(String name) {
        return actions.get(Integer.parseInt(name));
    }

    private static boolean matches(TransitionTable.Row row, StateContext<Step, Trigger> context) {
        Command command = (Command) context.getMessageHeader(COMMAND);
        return row.matches((Branch) context.getMessageHeader(BRANCH), command.step());
    }

    private static void run(TransitionTable.Row row, StateContext<Step, Trigger> context) {
        Dispute dispute = context.getExtendedState().get(DISPUTE, Dispute.class);
        Instant now = context.getExtendedState().get(NOW, Instant.class);
        if (context.getStateMachine() != null) {
            // The machine answers ACCEPTED even when no guard held, so it is told here that one did; the
            // direct path (no machine) knows which transition it fired and skips the map write.
            context.getExtendedState().getVariables().put(FIRED, Boolean.TRUE);
        }
        row.effect().apply(dispute, (Command) context.getMessageHeader(COMMAND), now);
    }

    private void define(TransitionTable.Builder in) {
        // 1. Intake: the opener chooses a reason and describes the problem; then the other party hears of it.
        in.cite("spec step 1");
        in.step(INTAKE).on(CHOOSE_REASON).stay(this::chooseReason);
        in.step(INTAKE).on(DESCRIBE).to(TALKING, this::describe);

        // 2. Talk it out (S0): either party says "resolved" (the other confirms) or "escalate".
        in.cite("S0");
        in.step(TALKING).on(PROPOSE_RESOLVED).stay(this::proposeResolved);
        in.step(TALKING).on(REJECT_RESOLVED).stay(this::rejectResolved);
        in.step(TALKING).on(CONFIRM_RESOLVED).to(CLOSED, this::closeResolvedByParties);
        in.step(TALKING).on(ESCALATE).to(TERMS, this::nothingMore);

        // 3. Terms (S1): both confirm the agreed terms; unclear or wrong terms go to a mediator (S1, S8).
        in.cite("S1, S8");
        in.step(TERMS).on(CONFIRM_TERMS).when(RECORDED).stay(this::confirmTerms);
        in.step(TERMS).on(CONFIRM_TERMS).when(BOTH_CONFIRMED).to(TASKS, this::confirmTerms);
        in.step(TERMS).on(DISPUTE_TERMS).to(MEDIATION, handOff(HandoffReason.TERMS_UNCLEAR, TASKS));

        // 4. What is still needed (S2): concrete tasks only (S5); the expert accepts or disputes items.
        in.cite("S2, S5");
        in.step(TASKS).on(ADD_TASK).stay(this::addTask);
        in.step(TASKS).on(REMOVE_TASK).stay(this::removeTask);
        in.step(TASKS).on(CONFIRM_TASKS).to(TASK_REVIEW, this::nothingMore);
        in.step(TASK_REVIEW).on(DISPUTE_TASK).stay(this::disputeTask);
        in.step(TASK_REVIEW).on(ACCEPT_TASKS).when(ALL_ACCEPTED).to(EXPERT_CHOICE, this::acceptUndisputedTasks);
        in.step(TASK_REVIEW).on(ACCEPT_TASKS).when(SCOPE_DISPUTED).to(MEDIATION,
                effect(this::acceptUndisputedTasks).andThen(handOff(HandoffReason.SCOPE_DISPUTED, EXPERT_CHOICE)));

        // 5. Who does it (S3): the same expert, or a replacement the platform finds (a mediator assigns).
        in.cite("S3");
        in.step(EXPERT_CHOICE).on(CHOOSE_SAME_EXPERT).to(REWORK, this::startRework);
        in.step(EXPERT_CHOICE).on(CHOOSE_OTHER_EXPERT).to(MEDIATION,
                handOff(HandoffReason.REPLACEMENT_NEEDED, EXPERT_CHOICE));
        in.step(REPLACEMENT).on(ACCEPT_HANDOVER).to(REWORK, this::startRework);
        in.step(REPLACEMENT).on(DECLINE_HANDOVER).to(MEDIATION,
                effect((d, c, now) -> d.withdrawReplacement()).andThen(handOff(HandoffReason.REPLACEMENT_DECLINED, EXPERT_CHOICE)));

        // 6. Rework (S4, C1): a deadline, an extension ledger with a cap, redelivery task by task.
        //    A request over the cap or a missed deadline does not wait for the client to chase (C1).
        in.cite("S4, C1");
        in.step(REWORK).on(REQUEST_EXTENSION).when(RECORDED).stay(this::requestExtension);
        in.step(REWORK).on(REQUEST_EXTENSION).when(OVER_CAP).to(STALLED, this::extensionOverCap);
        in.step(REWORK).on(GRANT_EXTENSION).stay(this::grantExtension);
        in.step(REWORK).on(DECLINE_EXTENSION).stay(this::declineExtension);
        in.step(REWORK).on(MARK_TASK_DONE).stay(this::markTaskDone);
        in.step(REWORK).on(REDELIVER).to(CHECK, this::redeliver);
        in.step(REWORK).on(DEADLINE_PASSED).to(STALLED, this::reworkDeadlineMissed);
        in.step(STALLED).on(CHOOSE_REPLACEMENT).to(MEDIATION, handOff(HandoffReason.REPLACEMENT_NEEDED, STALLED));
        in.step(STALLED).on(CHOOSE_FAIR_FEE).to(FEE, this::startFee);
        in.step(STALLED).on(CHOOSE_MEDIATOR).to(MEDIATION, this::handOffStalled);
        in.step(STALLED).on(REQUEST_FULL_REFUND).to(MEDIATION, handOff(HandoffReason.FULL_REFUND_REQUESTED, STALLED));

        // 7. Check (S4): the client checks each task; all done closes; otherwise one more round, then the fee.
        in.cite("S4");
        in.step(CHECK).on(CHECK_TASK).when(RECORDED).stay(this::checkTask);
        in.step(CHECK).on(CHECK_TASK).when(ALL_DONE).to(CLOSED, effect(this::checkTask).andThen(this::closeAccepted));
        in.step(CHECK).on(CHECK_TASK).when(ANOTHER_ROUND).to(REWORK, effect(this::checkTask).andThen(this::startRework));
        in.step(CHECK).on(CHECK_TASK).when(TO_FEE).to(FEE, effect(this::checkTask).andThen(this::startFee));

        // 8. Fair fee (S6, S7): private proposals; close figures meet in the middle; after the last
        //    round a mediator decides. Agreement closes with payout = fee and refund = paid - fee.
        in.cite("S6, S7");
        in.step(FEE).on(PROPOSE_FEE).when(RECORDED).stay(this::proposeFee);
        in.step(FEE).on(PROPOSE_FEE).when(SETTLED).to(CLOSED, effect(this::proposeFee).andThen(this::settleAtProposal));
        in.step(FEE).on(PROPOSE_FEE).when(SUGGESTED).stay(effect(this::proposeFee).andThen(this::suggestMidpoint));
        in.step(FEE).on(PROPOSE_FEE).when(NEXT_ROUND).stay(this::nextFeeRound);
        in.step(FEE).on(PROPOSE_FEE).when(IMPASSE).to(MEDIATION,
                effect(this::proposeFee).andThen(handOff(HandoffReason.FEE_IMPASSE, FEE)));
        in.step(FEE).on(ACCEPT_OTHER_FEE).to(CLOSED, this::settleAtOthersFigure);
        in.step(FEE).on(ACCEPT_SUGGESTED_FEE).when(RECORDED).stay(this::acceptSuggestion);
        in.step(FEE).on(ACCEPT_SUGGESTED_FEE).when(SETTLED).to(CLOSED, this::settleAtSuggestion);

        // From every step where the bot waits for a party:
        // 9. Money back (S5): explained and recorded; the procedure goes on. Only a stalled rework with
        //    nothing delivered offers a full refund, which a mediator confirms.
        in.cite("S5");
        in.steps(PARTY_STEPS).on(REQUEST_MONEY_BACK).when(RECORDED).stay(this::recordMoneyBackRequest);
        in.step(STALLED).on(REQUEST_MONEY_BACK).when(FULL_REFUND_OFFERED).to(MEDIATION,
                effect(this::recordMoneyBackRequest).andThen(handOff(HandoffReason.FULL_REFUND_REQUESTED, STALLED)));
        // S8: a party can ask for a human at any step; the opener can withdraw at any step.
        in.cite("S8");
        in.steps(PARTY_STEPS).on(ASK_FOR_HUMAN).to(MEDIATION, handOffResumingHere(HandoffReason.PARTY_ASKED));
        in.cite("spec outcomes: withdrawn");
        in.steps(PARTY_STEPS).on(WITHDRAW).to(CLOSED, this::closeWithdrawn);

        // Every waiting step has a deadline and a defined outcome when it passes (spec invariants; defaults).
        in.cite("spec invariants: deadlines");
        in.step(INTAKE).on(DEADLINE_PASSED).to(CLOSED, this::closeWithdrawn);
        in.step(TALKING).on(DEADLINE_PASSED).to(TERMS, this::nothingMore);
        in.steps(EnumSet.of(TERMS, TASKS, TASK_REVIEW, EXPERT_CHOICE, REPLACEMENT, STALLED, CHECK, FEE))
                .on(DEADLINE_PASSED).to(MEDIATION, handOffResumingHere(HandoffReason.NO_ANSWER));

        // Human mediators (S8): claim, then define terms, decide items, assign a replacement, set a
        // deadline, decide the money, hand back at a named step the dispute can resume at, or close.
        // A claimed dispute waits on its mediator: when its deadline passes, it goes back to the queue.
        in.cite("S8");
        in.step(MEDIATION).on(CLAIM).stay(this::claim);
        in.step(MEDIATION).on(RELEASE).stay(this::release);
        in.step(MEDIATION).on(DEADLINE_PASSED).when(BACK_TO_QUEUE).stay(this::release);
        in.step(MEDIATION).on(DEFINE_TERMS).stay(this::defineTerms);
        in.step(MEDIATION).on(RULE_TASK_IN_SCOPE).stay(this::ruleTaskInScope);
        in.step(MEDIATION).on(RULE_TASK_OUT_OF_SCOPE).stay(this::ruleTaskOutOfScope);
        in.step(MEDIATION).on(SET_DEADLINE).stay(this::setDeadline);
        in.step(MEDIATION).on(ASSIGN_REPLACEMENT).to(REPLACEMENT, this::assignReplacement);
        in.step(MEDIATION).on(HAND_BACK).toNamedStep(PARTY_STEPS, this::handBack);
        in.step(MEDIATION).on(DECIDE_FEE).to(CLOSED, this::closeDecidedByMediator);
        in.step(MEDIATION).on(DECIDE_FULL_REFUND).to(CLOSED, this::closeRefundedInFull);
        in.step(MEDIATION).on(CLOSE_AS_RESOLVED).to(CLOSED, this::closeResolvedByParties);
        in.step(MEDIATION).on(WITHDRAW).to(CLOSED, this::closeWithdrawn);
    }

    // ---- effects: what each transition does to the dispute ----

    /** Gives a method reference the Effect type, so that it can be chained with andThen. */
    private static Effect effect(Effect effect) {
        return effect;
    }

    private void nothingMore(Dispute d, Command c, Instant now) {
        // The step change itself is the whole effect.
    }

    private void chooseReason(Dispute d, Command c, Instant now) { d.chooseReason(c.reason()); }
    private void describe(Dispute d, Command c, Instant now) { d.describe(c.text()); }
    private void proposeResolved(Dispute d, Command c, Instant now) { d.proposeResolution(Rules.side(d, c)); }
    private void rejectResolved(Dispute d, Command c, Instant now) { d.proposeResolution(null); }
    private void confirmTerms(Dispute d, Command c, Instant now) { d.confirmTerms(Rules.side(d, c)); }
    private void addTask(Dispute d, Command c, Instant now) { d.addTask(c.text()); }
    private void removeTask(Dispute d, Command c, Instant now) { d.removeTask(c.number()); }

    private void disputeTask(Dispute d, Command c, Instant now) {
        d.task(c.number()).ifPresent(task -> d.replaceTask(task.withScope(TaskScope.DISPUTED)));
    }

    private void acceptUndisputedTasks(Dispute d, Command c, Instant now) {
        d.tasks().stream().filter(task -> task.scope() == TaskScope.PROPOSED)
                .forEach(task -> d.replaceTask(task.withScope(TaskScope.ACCEPTED)));
    }

    private void startRework(Dispute d, Command c, Instant now) {
        d.startRework(now.plus(settings.reworkTime()));
    }

    private void requestExtension(Dispute d, Command c, Instant now) {
        d.recordExtension(new Extension(c.actor().person(), now, c.number(), c.text(), ExtensionAnswer.PENDING, null));
    }

    private void extensionOverCap(Dispute d, Command c, Instant now) {
        d.recordExtension(new Extension(c.actor().person(), now, c.number(), c.text(), ExtensionAnswer.OVER_CAP, now));
        d.stall(StallReason.EXTENSION_CAP);
    }

    private void grantExtension(Dispute d, Command c, Instant now) {
        d.pendingExtension().ifPresent(extension -> d.extendRework(
                d.reworkDeadline().orElse(now).plus(java.time.Duration.ofDays(extension.days()))));
        d.answerPendingExtension(ExtensionAnswer.GRANTED, now);
    }

    private void declineExtension(Dispute d, Command c, Instant now) {
        d.answerPendingExtension(ExtensionAnswer.DECLINED, now);
    }

    private void markTaskDone(Dispute d, Command c, Instant now) {
        d.task(c.number()).ifPresent(task -> d.replaceTask(task.withDoneClaimed(!task.doneClaimed())));
    }

    private void redeliver(Dispute d, Command c, Instant now) { d.markRedelivered(); }

    private void reworkDeadlineMissed(Dispute d, Command c, Instant now) {
        d.answerPendingExtension(ExtensionAnswer.DECLINED, now);
        d.stall(StallReason.DEADLINE_MISSED);
    }

    private void handOffStalled(Dispute d, Command c, Instant now) {
        HandoffReason why = d.stalledBecause().orElse(StallReason.DEADLINE_MISSED) == StallReason.EXTENSION_CAP
                ? HandoffReason.EXTENSION_CAP : HandoffReason.DEADLINE_MISSED;
        d.handOff(why, STALLED, now);
    }

    private void checkTask(Dispute d, Command c, Instant now) {
        d.task(c.number()).ifPresent(task -> d.replaceTask(task.withVerdict(c.verdict())));
    }

    private void startFee(Dispute d, Command c, Instant now) { d.restartFeeRounds(); }

    private void proposeFee(Dispute d, Command c, Instant now) { d.proposeFee(Rules.side(d, c), c.amount()); }

    private void nextFeeRound(Dispute d, Command c, Instant now) {
        if (d.feeSuggestion().isEmpty()) {
            // Both figures of this round are in and too far apart: record, show both, start the next round.
            proposeFee(d, c, now);
            d.revealFeeFigures();
            d.nextFeeRound();
        } else {
            // A new figure instead of the suggestion opens the next round with that figure.
            d.nextFeeRound();
            proposeFee(d, c, now);
        }
    }

    private void suggestMidpoint(Dispute d, Command c, Instant now) {
        d.revealFeeFigures();
        d.suggestFee(d.feeProposals().get(Role.CLIENT).midpoint(d.feeProposals().get(Role.EXPERT)));
    }

    private void acceptSuggestion(Dispute d, Command c, Instant now) { d.acceptFeeSuggestion(Rules.side(d, c)); }

    private void settleAtProposal(Dispute d, Command c, Instant now) { settle(d, c.amount(), now, c); }

    private void settleAtOthersFigure(Dispute d, Command c, Instant now) {
        settle(d, d.feeProposals().get(Rules.other(Rules.side(d, c))), now, c);
    }

    private void settleAtSuggestion(Dispute d, Command c, Instant now) {
        d.acceptFeeSuggestion(Rules.side(d, c));
        settle(d, d.feeSuggestion().orElseThrow(), now, c);
    }

    private void settle(Dispute d, Money fee, Instant now, Command c) {
        d.close(Outcome.withFee(d.id(), OutcomeType.SETTLED, fee, d.paid(), now, c.actor().identity()));
    }

    private void recordMoneyBackRequest(Dispute d, Command c, Instant now) { d.requestMoneyBack(); }

    private void claim(Dispute d, Command c, Instant now) {
        // The claimed dispute now waits on its mediator, so it gets a deadline and reminders of its own.
        Instant deadline = now.plus(settings.deadlineOf(MEDIATION));
        d.claim(c.actor().identity(), deadline, settings.remindersBetween(now, deadline));
    }

    /** Back to the mediators' queue, unclaimed: released by the mediator, or their deadline passed. */
    private void release(Dispute d, Command c, Instant now) { d.release(now.plus(settings.reannounceAfter())); }
    private void defineTerms(Dispute d, Command c, Instant now) { d.defineTerms(c.text()); }

    private void ruleTaskInScope(Dispute d, Command c, Instant now) {
        d.task(c.number()).ifPresent(task -> d.replaceTask(task.withScope(TaskScope.ACCEPTED)));
    }

    private void ruleTaskOutOfScope(Dispute d, Command c, Instant now) {
        d.task(c.number()).ifPresent(task -> d.replaceTask(task.withScope(TaskScope.EXCLUDED)));
    }

    private void setDeadline(Dispute d, Command c, Instant now) {
        d.extendRework(now.plus(java.time.Duration.ofDays(c.number())));
    }

    private void assignReplacement(Dispute d, Command c, Instant now) {
        d.assignReplacement(c.person());
        d.handBack();
    }

    private void handBack(Dispute d, Command c, Instant now) {
        d.handBack();
        switch (c.step()) {
            case TERMS -> d.resetTermsConfirmations();
            case FEE -> d.restartFeeRounds();
            case REWORK -> {
                // A deadline the mediator set is kept; otherwise the rework gets its usual time from now.
                Instant deadline = d.reworkDeadline().filter(now::isBefore).orElse(now.plus(settings.reworkTime()));
                if (d.reworkRound() == 0) {
                    d.startRework(deadline);
                } else {
                    d.extendRework(deadline);
                }
            }
            default -> {
                // The step's own prompt picks up where the dispute stands.
            }
        }
    }

    private void closeResolvedByParties(Dispute d, Command c, Instant now) {
        d.close(Outcome.withoutMoney(d.id(), OutcomeType.RESOLVED_BY_PARTIES, now, c.actor().identity()));
    }

    private void closeWithdrawn(Dispute d, Command c, Instant now) {
        d.close(Outcome.withoutMoney(d.id(), OutcomeType.WITHDRAWN, now, c.actor().identity()));
    }

    private void closeAccepted(Dispute d, Command c, Instant now) {
        d.close(Outcome.withFee(d.id(), OutcomeType.ACCEPTED_AFTER_REWORK, d.paid(), d.paid(), now, c.actor().identity()));
    }

    private void closeDecidedByMediator(Dispute d, Command c, Instant now) {
        d.close(Outcome.withFee(d.id(), OutcomeType.DECIDED_BY_MEDIATOR, c.amount(), d.paid(), now, c.actor().identity()));
    }

    private void closeRefundedInFull(Dispute d, Command c, Instant now) {
        d.close(Outcome.withFee(d.id(), OutcomeType.REFUNDED_IN_FULL, Money.zero(d.paid().currency()), d.paid(),
                now, c.actor().identity()));
    }

    private Effect handOff(HandoffReason why, Step resumeAt) {
        return (d, c, now) -> d.handOff(why, resumeAt, now);
    }

    private Effect handOffResumingHere(HandoffReason why) {
        return (d, c, now) -> d.handOff(why, d.step(), now);
    }
}
