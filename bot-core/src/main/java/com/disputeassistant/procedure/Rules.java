package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.ExtensionAnswer;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.StallReason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.Task;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The procedure's rules as pure decisions: may this actor do this now, and which way does it go.
 * The state machine asks once per event and then only follows the {@link Branch}.
 */
final class Rules {
    static final int MAX_TEXT = 2000;
    static final int MAX_TASKS = 20;

    private final ProcedureSettings settings;

    Rules(ProcedureSettings settings) {
        this.settings = settings;
    }

    /** A branch to follow, or why not. */
    record Decision(Branch branch, Refusal refusal) {
        static Decision go(Branch branch) {
            return new Decision(branch, null);
        }

        static Decision refuse(String key, Object... args) {
            return new Decision(null, Refusal.of(key, args));
        }

        boolean refused() {
            return refusal != null;
        }
    }

    Decision decide(Dispute d, Command c, Instant now) {
        if (d.isClosed()) {
            return Decision.refuse("refuse.closed");
        }
        Optional<Decision> notAllowed = checkActor(d, c);
        if (notAllowed.isPresent()) {
            return notAllowed.get();
        }
        return switch (c.trigger()) {
            case CHOOSE_REASON -> c.reason() == null ? Decision.refuse("refuse.reason.missing") : Decision.go(Branch.GO);
            case DESCRIBE -> d.reason().isEmpty() ? Decision.refuse("refuse.reason.first") : text(c);
            case PROPOSE_RESOLVED -> d.resolutionProposedBy().isPresent()
                    ? Decision.refuse("refuse.resolved.pending") : Decision.go(Branch.GO);
            case CONFIRM_RESOLVED, REJECT_RESOLVED -> d.resolutionProposedBy().filter(r -> r != side(d, c)).isPresent()
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.resolved.nothing");
            case ESCALATE, DISPUTE_TERMS, CHOOSE_SAME_EXPERT, CHOOSE_OTHER_EXPERT, ACCEPT_HANDOVER,
                 DECLINE_HANDOVER, CHOOSE_REPLACEMENT, CHOOSE_FAIR_FEE, CHOOSE_MEDIATOR, WITHDRAW,
                 CLOSE_AS_RESOLVED, DECIDE_FULL_REFUND, ASK_FOR_HUMAN -> Decision.go(Branch.GO);
            case CONFIRM_TERMS -> confirmTerms(d, c);
            case ADD_TASK -> addTask(d, c);
            case REMOVE_TASK -> d.task(c.number()).isPresent()
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.task.unknown", c.number());
            case CONFIRM_TASKS -> d.tasks().isEmpty() ? Decision.refuse("refuse.tasks.empty") : Decision.go(Branch.GO);
            case DISPUTE_TASK -> d.task(c.number()).filter(t -> t.scope() == TaskScope.PROPOSED).isPresent()
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.task.unknown", c.number());
            case ACCEPT_TASKS -> Decision.go(d.tasks().stream().anyMatch(t -> t.scope() == TaskScope.DISPUTED)
                    ? Branch.SCOPE_DISPUTED : Branch.ALL_ACCEPTED);
            case REQUEST_EXTENSION -> requestExtension(d, c);
            case GRANT_EXTENSION, DECLINE_EXTENSION -> d.pendingExtension().isPresent()
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.extension.none");
            case MARK_TASK_DONE -> d.task(c.number()).filter(Task::inRework).isPresent()
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.task.unknown", c.number());
            case REDELIVER -> d.tasks().stream().anyMatch(Task::doneClaimed)
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.redeliver.nothing");
            case REQUEST_FULL_REFUND -> fullRefundOfferable(d)
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.refund.delivered");
            case CHECK_TASK -> checkTask(d, c);
            case PROPOSE_FEE -> proposeFee(d, c);
            case ACCEPT_OTHER_FEE -> d.feeFiguresRevealed() && d.feeProposals().containsKey(other(side(d, c)))
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.fee.no-figure");
            case ACCEPT_SUGGESTED_FEE -> acceptSuggestion(d, c);
            case REQUEST_MONEY_BACK -> Decision.go(d.step() == Step.STALLED && fullRefundOfferable(d)
                    ? Branch.FULL_REFUND_OFFERED : Branch.RECORDED);
            case CLAIM -> d.mediator().isPresent()
                    ? Decision.refuse("refuse.claim.taken", d.mediator().get()) : Decision.go(Branch.GO);
            // Who may release is checked above: only the mediator who holds the dispute.
            case RELEASE -> Decision.go(Branch.GO);
            case DEFINE_TERMS -> text(c);
            case RULE_TASK_IN_SCOPE, RULE_TASK_OUT_OF_SCOPE ->
                    d.task(c.number()).filter(t -> t.scope() == TaskScope.DISPUTED).isPresent()
                            ? Decision.go(Branch.GO) : Decision.refuse("refuse.task.not-disputed", c.number());
            case ASSIGN_REPLACEMENT -> assignReplacement(d, c);
            case SET_DEADLINE -> c.number() >= 1 && c.number() <= 90
                    ? Decision.go(Branch.GO) : Decision.refuse("refuse.days.range", 1, 90);
            case HAND_BACK -> handBack(d, c);
            case DECIDE_FEE -> fee(d, c).map(refusal -> new Decision(null, refusal)).orElse(Decision.go(Branch.GO));
            case DEADLINE_PASSED -> d.stepDeadline().filter(deadline -> !now.isBefore(deadline)).isPresent()
                    ? Decision.go(d.step() == Step.MEDIATION ? Branch.BACK_TO_QUEUE : Branch.GO)
                    : Decision.refuse("refuse.deadline.not-yet");
        };
    }

    /** The expert's or the client's side in a two-sided step; empty for anyone else. */
    static Role side(Dispute d, Command c) {
        PersonId person = c.actor().person();
        if (person == null) {
            return null;
        }
        if (person.equals(d.client())) {
            return Role.CLIENT;
        }
        return person.equals(d.workingExpert()) ? Role.EXPERT : null;
    }

    static Role other(Role side) {
        return side == Role.CLIENT ? Role.EXPERT : Role.CLIENT;
    }

    /** S5, S6: a full refund is on offer only if nothing was delivered and rework missed its deadline. */
    boolean fullRefundOfferable(Dispute d) {
        return !d.anythingDelivered() && !d.anyTaskConfirmedDone()
                && d.stalledBecause().filter(StallReason.DEADLINE_MISSED::equals).isPresent();
    }

    /** Rework rounds the procedure allows: the first, plus the configured extra rounds. */
    boolean reworkRoundsLeft(Dispute d) {
        return d.reworkRound() < 1 + settings.extraReworkRounds();
    }

    private Optional<Decision> checkActor(Dispute d, Command c) {
        Actor actor = c.actor();
        boolean allowed = switch (c.trigger().who()) {
            case BOT -> actor.isBot();
            case MEDIATOR -> actor.mediator();
            case CLAIMING_MEDIATOR -> actor.mediator() && d.mediator().filter(actor.identity()::equals).isPresent();
            case OPENER -> d.openedBy().equals(actor.person());
            case CLIENT -> d.client().equals(actor.person());
            case WORKING_EXPERT -> d.workingExpert().equals(actor.person());
            case PARTY -> side(d, c) != null;
        };
        if (allowed) {
            return Optional.empty();
        }
        if (c.trigger().who() == Trigger.Who.CLAIMING_MEDIATOR && actor.mediator()) {
            return Optional.of(Decision.refuse("refuse.mediator.claim-first"));
        }
        return Optional.of(Decision.refuse("refuse.not-yours"));
    }

    private static Decision text(Command c) {
        if (c.text().isBlank()) {
            return Decision.refuse("refuse.text.empty");
        }
        return c.text().length() > MAX_TEXT ? Decision.refuse("refuse.text.long", MAX_TEXT) : Decision.go(Branch.GO);
    }

    private static Decision confirmTerms(Dispute d, Command c) {
        Role side = side(d, c);
        if (d.termsConfirmedBy().contains(side)) {
            return Decision.refuse("refuse.terms.already");
        }
        return Decision.go(d.termsConfirmedBy().contains(other(side)) ? Branch.BOTH_CONFIRMED : Branch.RECORDED);
    }

    private static Decision addTask(Dispute d, Command c) {
        Decision text = text(c);
        if (text.refused()) {
            return text;
        }
        if (d.tasks().size() >= MAX_TASKS) {
            return Decision.refuse("refuse.tasks.too-many", MAX_TASKS);
        }
        return TaskWording.isConcrete(c.text()) ? Decision.go(Branch.GO) : Decision.refuse("refuse.task.vague");
    }

    private Decision requestExtension(Dispute d, Command c) {
        if (c.number() < 1 || c.number() > 30) {
            return Decision.refuse("refuse.days.range", 1, 30);
        }
        if (d.pendingExtension().isPresent()) {
            return Decision.refuse("refuse.extension.pending");
        }
        long asked = d.extensions().stream().filter(e -> e.answer() != ExtensionAnswer.OVER_CAP).count();
        return Decision.go(asked >= settings.extensionCap() ? Branch.OVER_CAP : Branch.RECORDED);
    }

    private Decision checkTask(Dispute d, Command c) {
        Optional<Task> task = d.task(c.number()).filter(Task::inRework);
        if (task.isEmpty() || c.verdict() == null || c.verdict() == TaskVerdict.UNCHECKED) {
            return Decision.refuse("refuse.task.unknown", c.number());
        }
        List<Task> after = d.tasks().stream().filter(Task::inRework)
                .map(t -> t.number() == c.number() ? t.withVerdict(c.verdict()) : t).toList();
        if (after.stream().anyMatch(t -> t.verdict() == TaskVerdict.UNCHECKED)) {
            return Decision.go(Branch.RECORDED);
        }
        if (after.stream().allMatch(t -> t.verdict() == TaskVerdict.DONE)) {
            return Decision.go(Branch.ALL_DONE);
        }
        return Decision.go(reworkRoundsLeft(d) ? Branch.ANOTHER_ROUND : Branch.TO_FEE);
    }

    private Optional<Refusal> fee(Dispute d, Command c) {
        Money amount = c.amount();
        if (amount == null || !amount.currency().equals(d.paid().currency())) {
            return Optional.of(Refusal.of("refuse.fee.amount", d.paid()));
        }
        // The fee is paid out of escrow, so it can be at most what was paid: refund = paid - fee >= 0.
        return amount.compareTo(d.paid()) > 0 ? Optional.of(Refusal.of("refuse.fee.amount", d.paid())) : Optional.empty();
    }

    private Decision proposeFee(Dispute d, Command c) {
        Optional<Refusal> invalid = fee(d, c);
        if (invalid.isPresent()) {
            return new Decision(null, invalid.get());
        }
        Role side = side(d, c);
        boolean lastRound = d.feeRound() + 1 >= settings.feeRounds();
        if (d.feeSuggestion().isPresent()) {
            // A new figure after a suggestion starts the next round.
            return Decision.go(lastRound ? Branch.IMPASSE : Branch.NEXT_ROUND);
        }
        if (d.feeRoundProposers().contains(side)) {
            return Decision.refuse("refuse.fee.wait");
        }
        if (!d.feeRoundProposers().contains(other(side))) {
            return Decision.go(Branch.RECORDED);
        }
        Money mine = c.amount();
        Money theirs = d.feeProposals().get(other(side));
        if (mine.equals(theirs)) {
            return Decision.go(Branch.SETTLED);
        }
        boolean close = mine.distanceTo(theirs).compareTo(d.price().percent(settings.feeTolerancePercent())) <= 0;
        // The midpoint of two different figures is never zero, so a suggestion never becomes a full
        // refund that the bot offered on its own (S6).
        if (close) {
            return Decision.go(Branch.SUGGESTED);
        }
        return Decision.go(lastRound ? Branch.IMPASSE : Branch.NEXT_ROUND);
    }

    private static Decision acceptSuggestion(Dispute d, Command c) {
        if (d.feeSuggestion().isEmpty()) {
            return Decision.refuse("refuse.fee.no-suggestion");
        }
        Role side = side(d, c);
        if (d.feeSuggestionAcceptedBy().contains(side)) {
            return Decision.refuse("refuse.fee.wait");
        }
        return Decision.go(d.feeSuggestionAcceptedBy().contains(other(side)) ? Branch.SETTLED : Branch.RECORDED);
    }

    private static Decision assignReplacement(Dispute d, Command c) {
        PersonId person = c.person();
        if (person == null || person.equals(d.client()) || person.equals(d.originalExpert())) {
            return Decision.refuse("refuse.replacement.person");
        }
        return Decision.go(Branch.GO);
    }

    private static Decision handBack(Dispute d, Command c) {
        return resumeRefusal(d, c.step()).map(refusal -> new Decision(null, refusal)).orElse(Decision.go(Branch.GO));
    }

    /**
     * Why the dispute cannot resume at this step now, if it cannot. The step it was handed off from can
     * always resume (an unanswered replacement is asked again); an intake that was never finished resumes
     * only at the intake, which asks again for what is missing, since nothing else runs without a reason
     * and a description. Otherwise any step a mediator may name ({@link Step#isResumable()}), and the rework
     * and the check only with tasks to do.
     */
    static Optional<Refusal> resumeRefusal(Dispute d, Step step) {
        if (step == null || step == Step.MEDIATION || step == Step.CLOSED) {
            return Optional.of(Refusal.of("refuse.handback.step"));
        }
        if (d.description().isEmpty()) {
            return step == Step.INTAKE ? Optional.empty() : Optional.of(Refusal.of("refuse.handback.intake"));
        }
        if (d.resumeStep().filter(step::equals).isPresent()) {
            return Optional.empty();
        }
        if (!step.isResumable()) {
            return Optional.of(Refusal.of("refuse.handback.step"));
        }
        if ((step == Step.REWORK || step == Step.CHECK) && d.tasks().stream().noneMatch(Task::inRework)) {
            return Optional.of(Refusal.of("refuse.handback.no-tasks"));
        }
        return Optional.empty();
    }
}
