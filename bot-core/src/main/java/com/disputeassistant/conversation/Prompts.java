package com.disputeassistant.conversation;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Extension;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.Task;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.Terms;
import com.disputeassistant.procedure.Actor;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.procedure.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each person is asked at each step, with the reply options that are theirs to pick. Reading a
 * dispute, never changing it. Every prompt to a party offers help and a human (S8).
 */
final class Prompts {
    private static final int[] EXTENSION_DAYS = {2, 5};
    /** Suffix of the argument of the option that takes a tick back off a task (the tick's is the number alone). */
    static final String UNTICK = "-undo";
    private static final int MAX_REPLACEMENT_CANDIDATES = 6;

    private final Messages messages;
    private final Marketplace marketplace;
    private final Procedure procedure;
    private final ProcedureSettings settings;

    Prompts(Messages messages, Marketplace marketplace, Procedure procedure, ProcedureSettings settings) {
        this.messages = messages;
        this.marketplace = marketplace;
        this.procedure = procedure;
        this.settings = settings;
    }

    /** A prompt: text plus options. */
    record Prompt(String text, List<ReplyOption> options) {
    }

    String name(PersonId person) {
        return marketplace.person(person).map(Person::name).orElse(person.value());
    }

    /** A moment in the recipient's language. */
    String when(Instant instant) {
        return messages.language().when(instant);
    }

    /** The texts these prompts are in. */
    Messages messages() {
        return messages;
    }

    /** A duration as people say it: "30 minutes", "4 hours", "2 days". */
    String duration(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return text("duration.days", minutes / (24 * 60));
        }
        if (minutes % 60 == 0) {
            return text("duration.hours", minutes / 60);
        }
        return text("duration.minutes", Math.max(1, minutes));
    }

    String text(String key, Object... args) {
        return messages.get(key, args);
    }

    private static Role sideOf(Dispute d, PersonId person) {
        return person.equals(d.client()) ? Role.CLIENT : person.equals(d.workingExpert()) ? Role.EXPERT : null;
    }

    /**
     * Whether the step waits for this party's answer: they are shown the step's deadline and reminded
     * of it, and stop being reminded once they have answered. While the parties talk it out, only a
     * proposed resolution waits for an answer; the talk-it-out window itself is nobody's to answer.
     */
    boolean awaits(Dispute d, PersonId person) {
        Role side = sideOf(d, person);
        if (side == null) {
            return false;
        }
        return switch (d.step()) {
            case INTAKE -> person.equals(d.openedBy());
            case TALKING -> d.resolutionProposedBy().filter(by -> by != side).isPresent();
            case TERMS -> !d.termsConfirmedBy().contains(side);
            case TASKS, EXPERT_CHOICE, STALLED, CHECK -> side == Role.CLIENT;
            case TASK_REVIEW, REPLACEMENT -> side == Role.EXPERT;
            case REWORK -> d.pendingExtension().isPresent() ? side == Role.CLIENT : side == Role.EXPERT;
            case FEE -> d.feeSuggestion().isPresent() ? !d.feeSuggestionAcceptedBy().contains(side)
                    : !d.feeRoundProposers().contains(side);
            case MEDIATION, CLOSED -> false;
        };
    }

    /** The free text the dispute waits for from this party now, if any (see {@link TextAnswer}). */
    Optional<TextAnswer> awaitedText(Dispute d, PersonId person) {
        if (!awaits(d, person)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (d.step()) {
            case INTAKE -> d.reason().isPresent() && d.description().isEmpty() ? TextAnswer.DESCRIPTION : null;
            case TASKS -> TextAnswer.TASKS;
            case FEE -> d.feeSuggestion().isEmpty() ? TextAnswer.FEE : null;
            default -> null;
        });
    }

    /** The prompt for a party of the dispute at its current step. */
    Prompt forParty(Dispute d, PersonId person) {
        Role side = sideOf(d, person);
        List<ReplyOption> options = new ArrayList<>();
        String text = switch (d.step()) {
            case INTAKE -> intake(d, person, options);
            case TALKING -> talking(d, side, options);
            case TERMS -> terms(d, side, options);
            case TASKS -> tasks(d, side, options);
            case TASK_REVIEW -> taskReview(d, side, options);
            case EXPERT_CHOICE -> expertChoice(d, side, options);
            case REPLACEMENT -> replacement(d, side, options);
            case REWORK -> rework(d, side, options);
            case STALLED -> stalled(d, side, options);
            case CHECK -> check(d, side, options);
            case FEE -> fee(d, side, options);
            case MEDIATION -> d.mediator().isPresent()
                    ? text("prompt.MEDIATION.claimed", mediatorName(d.mediator().get()))
                    : text("prompt.MEDIATION.queued", handoffText(d), duration(settings.expectedMediatorWait()));
            case CLOSED -> outcome(d);
        };
        // Only a person who owes an answer is shown the step's deadline.
        String deadline = !awaits(d, person) ? ""
                : d.stepDeadline().map(at -> "\n" + text("general.deadline", when(at))).orElse("");
        if (d.step() != Step.CLOSED) {
            addCommonOptions(d, person, options);
        }
        return new Prompt(text + deadline, options);
    }

    private void addCommonOptions(Dispute d, PersonId person, List<ReplyOption> options) {
        if (d.step() != Step.MEDIATION) {
            if (person.equals(d.client()) && d.step() != Step.INTAKE) {
                options.add(option(d, "REQUEST_MONEY_BACK", null, "option.money_back"));
            }
            options.add(option(d, "ASK_FOR_HUMAN", null, "option.human"));
        }
        options.add(option(d, "HELP", null, "option.help"));
    }

    ReplyOption option(Dispute d, String action, Object arg, String labelKey, Object... labelArgs) {
        return new ReplyOption(OptionId.dispute(d.id(), d.stepSeq(), action, arg), text(labelKey, labelArgs));
    }

    private ReplyOption trigger(Dispute d, Trigger trigger, Object arg, Object... labelArgs) {
        return option(d, trigger.name(), arg, "option." + trigger.name(), labelArgs);
    }

    private String intake(Dispute d, PersonId person, List<ReplyOption> options) {
        if (!person.equals(d.openedBy())) {
            return text("general.waiting-text");
        }
        if (d.reason().isEmpty()) {
            for (Reason reason : Reason.values()) {
                options.add(option(d, Trigger.CHOOSE_REASON.name(), reason.name(), "option.CHOOSE_REASON." + reason.name()));
            }
            return text("prompt.INTAKE.reason", d.order().id(), d.order().title());
        }
        return text("prompt.INTAKE.describe");
    }

    private String talking(Dispute d, Role side, List<ReplyOption> options) {
        String other = name(otherParty(d, side));
        if (d.resolutionProposedBy().filter(by -> by != side).isPresent()) {
            options.add(trigger(d, Trigger.CONFIRM_RESOLVED, null));
            options.add(trigger(d, Trigger.REJECT_RESOLVED, null));
            options.add(trigger(d, Trigger.ESCALATE, null));
            return text("prompt.TALKING.confirm", other);
        }
        options.add(trigger(d, Trigger.ESCALATE, null));
        if (d.resolutionProposedBy().isPresent()) {
            return text("prompt.TALKING.proposed", other);
        }
        options.add(0, trigger(d, Trigger.PROPOSE_RESOLVED, null));
        return text("prompt.TALKING", other);
    }

    private String terms(Dispute d, Role side, List<ReplyOption> options) {
        if (d.termsConfirmedBy().contains(side)) {
            return text("prompt.TERMS.waiting", name(otherParty(d, side)));
        }
        options.add(trigger(d, Trigger.CONFIRM_TERMS, null));
        options.add(trigger(d, Trigger.DISPUTE_TERMS, null));
        return text("prompt.TERMS", d.order().id(), termsText(d));
    }

    String termsText(Dispute d) {
        Terms terms = d.terms();
        String summary = text("terms.summary", String.join("; ", terms.deliverables()), terms.deadline(),
                terms.price(), terms.paid());
        return d.termsDefinedByMediator().map(def -> summary + "\n" + text("terms.mediator", def)).orElse(summary);
    }

    private String tasks(Dispute d, Role side, List<ReplyOption> options) {
        if (side != Role.CLIENT) {
            return text("prompt.TASKS.waiting", name(d.client()));
        }
        if (!d.tasks().isEmpty()) {
            options.add(trigger(d, Trigger.CONFIRM_TASKS, null));
            d.tasks().forEach(task -> options.add(trigger(d, Trigger.REMOVE_TASK, task.number(), task.number())));
        }
        return text("prompt.TASKS.client", name(d.workingExpert()), taskList(d));
    }

    String taskList(Dispute d) {
        if (d.tasks().isEmpty()) {
            return text("tasks.none");
        }
        return d.tasks().stream()
                .map(t -> t.scope() == TaskScope.PROPOSED
                        ? text("tasks.line", t.number(), t.text())
                        : text("tasks.line.review", t.number(), t.text(), text("scope." + t.scope())))
                .collect(Collectors.joining("\n"));
    }

    private String taskReview(Dispute d, Role side, List<ReplyOption> options) {
        if (side != Role.EXPERT) {
            return text("prompt.TASK_REVIEW.waiting", name(d.workingExpert()));
        }
        options.add(trigger(d, Trigger.ACCEPT_TASKS, null));
        d.tasks().stream().filter(t -> t.scope() == TaskScope.PROPOSED)
                .forEach(t -> options.add(trigger(d, Trigger.DISPUTE_TASK, t.number(), t.number())));
        return text("prompt.TASK_REVIEW.expert", name(d.client()), taskList(d));
    }

    private String expertChoice(Dispute d, Role side, List<ReplyOption> options) {
        if (side != Role.CLIENT) {
            return text("prompt.EXPERT_CHOICE.waiting", name(d.client()));
        }
        options.add(trigger(d, Trigger.CHOOSE_SAME_EXPERT, null));
        options.add(trigger(d, Trigger.CHOOSE_OTHER_EXPERT, null));
        return text("prompt.EXPERT_CHOICE.client", name(d.workingExpert()));
    }

    private String replacement(Dispute d, Role side, List<ReplyOption> options) {
        if (side != Role.EXPERT) {
            return text("prompt.REPLACEMENT.waiting");
        }
        options.add(trigger(d, Trigger.ACCEPT_HANDOVER, null));
        options.add(trigger(d, Trigger.DECLINE_HANDOVER, null));
        // The hand-over carries terms, tasks and delivery notes, and no personal contact data.
        String notes = d.order().deliveryNotes().isEmpty() ? text("notes.none")
                : d.order().deliveryNotes().stream().map(n -> "- " + n).collect(Collectors.joining("\n"));
        return text("prompt.REPLACEMENT.expert", d.order().id(), d.order().title(), termsText(d), taskList(d), notes);
    }

    private String rework(Dispute d, Role side, List<ReplyOption> options) {
        String deadline = d.reworkDeadline().map(this::when).orElse("");
        if (side == Role.EXPERT) {
            List<Task> open = d.tasks().stream().filter(Task::inRework).filter(t -> t.verdict() != TaskVerdict.DONE).toList();
            for (Task task : open) {
                options.add(task.doneClaimed()
                        // Its own id, not the tick's: a tick pressed twice must not take itself back.
                        ? option(d, Trigger.MARK_TASK_DONE.name(), task.number() + UNTICK, "option.MARK_TASK_UNDONE", task.number())
                        : trigger(d, Trigger.MARK_TASK_DONE, task.number(), task.number()));
            }
            if (open.stream().anyMatch(Task::doneClaimed)) {
                options.add(trigger(d, Trigger.REDELIVER, null));
            }
            if (d.pendingExtension().isEmpty()) {
                for (int days : EXTENSION_DAYS) {
                    options.add(trigger(d, Trigger.REQUEST_EXTENSION, days, days));
                }
            }
            String list = open.stream().map(t -> text(t.doneClaimed() ? "task.ticked" : "task.unticked", t.number(), t.text()))
                    .collect(Collectors.joining("\n"));
            return text("prompt.REWORK.expert", deadline, list);
        }
        if (side == Role.CLIENT && d.pendingExtension().isPresent()) {
            Extension extension = d.pendingExtension().get();
            options.add(trigger(d, Trigger.GRANT_EXTENSION, null));
            options.add(trigger(d, Trigger.DECLINE_EXTENSION, null));
            String why = extension.why().isBlank() ? "" : text("extension.why", extension.why());
            return text("prompt.REWORK.extension", name(d.workingExpert()), extension.days(), why);
        }
        return text("prompt.REWORK.waiting", name(d.workingExpert()), deadline);
    }

    /** One request for more time as the extension ledger shows it (C1): who, when, how long, why, the answer. */
    private String ledgerLine(Extension e) {
        String why = e.why().isBlank() ? "" : text("ledger.why", e.why());
        String answer = e.answeredAt() == null ? text("ledger.answer." + e.answer(), settings.extensionCap())
                : text("ledger.answer." + e.answer(), settings.extensionCap()) + " " + text("ledger.answered", when(e.answeredAt()));
        return "\n" + text("ledger.line", name(e.requestedBy()), e.days(), when(e.requestedAt()), why, answer);
    }

    String stallText(Dispute d) {
        return d.stalledBecause().map(why -> text("stall." + why, settings.extensionCap())).orElse("");
    }

    private String stalled(Dispute d, Role side, List<ReplyOption> options) {
        if (side != Role.CLIENT) {
            return text("prompt.STALLED.waiting", stallText(d), name(d.client()));
        }
        options.add(trigger(d, Trigger.CHOOSE_REPLACEMENT, null));
        options.add(trigger(d, Trigger.CHOOSE_FAIR_FEE, null));
        options.add(trigger(d, Trigger.CHOOSE_MEDIATOR, null));
        if (procedure.fullRefundOfferable(d)) {
            options.add(trigger(d, Trigger.REQUEST_FULL_REFUND, null));
        }
        return text("prompt.STALLED.client", stallText(d));
    }

    private String check(Dispute d, Role side, List<ReplyOption> options) {
        if (side != Role.CLIENT) {
            return text("prompt.CHECK.waiting", name(d.client()));
        }
        List<Task> toCheck = d.tasks().stream().filter(Task::inRework).toList();
        for (Task task : toCheck) {
            if (task.verdict() == TaskVerdict.UNCHECKED) {
                options.add(option(d, Trigger.CHECK_TASK.name(), task.number() + "-DONE", "option.CHECK_TASK.DONE", task.number()));
                options.add(option(d, Trigger.CHECK_TASK.name(), task.number() + "-NOT_DONE", "option.CHECK_TASK.NOT_DONE", task.number()));
            }
        }
        String list = toCheck.stream().map(t -> text("check.line", t.number(), t.text(),
                t.verdict() == TaskVerdict.UNCHECKED ? text(t.doneClaimed() ? "check.claimed" : "check.unclaimed")
                        : text("check." + t.verdict()))).collect(Collectors.joining("\n"));
        return text("prompt.CHECK.client", name(d.workingExpert()), list);
    }

    private String fee(Dispute d, Role side, List<ReplyOption> options) {
        Role other = side == Role.CLIENT ? Role.EXPERT : Role.CLIENT;
        String otherName = name(otherParty(d, side));
        Money otherFigure = d.feeProposals().get(other);
        if (d.feeSuggestion().isPresent()) {
            Money suggestion = d.feeSuggestion().get();
            if (d.feeSuggestionAcceptedBy().contains(side)) {
                return text("prompt.FEE.suggestion-accepted", suggestion, otherName);
            }
            options.add(trigger(d, Trigger.ACCEPT_SUGGESTED_FEE, null, suggestion));
            options.add(trigger(d, Trigger.ACCEPT_OTHER_FEE, null, otherName, otherFigure));
            return text("prompt.FEE.suggestion", name(d.client()), d.feeProposals().get(Role.CLIENT),
                    name(d.workingExpert()), d.feeProposals().get(Role.EXPERT), suggestion, d.paid().minus(suggestion));
        }
        if (d.feeRoundProposers().contains(side)) {
            return text("prompt.FEE.waiting", d.feeProposals().get(side), otherName);
        }
        String prompt = text("prompt.FEE", d.paid(), d.feeRound() + 1, settings.feeRounds());
        if (d.feeFiguresRevealed() && otherFigure != null) {
            options.add(trigger(d, Trigger.ACCEPT_OTHER_FEE, null, otherName, otherFigure));
            prompt += "\n" + text("prompt.FEE.revealed", name(d.client()), d.feeProposals().get(Role.CLIENT),
                    name(d.workingExpert()), d.feeProposals().get(Role.EXPERT));
        }
        return prompt;
    }

    String outcome(Dispute d) {
        Outcome outcome = d.outcome().orElseThrow();
        String text = text("outcome." + outcome.type(), d.id(), outcome.payout(), outcome.refund());
        return outcome.type().carriesMoney() ? text + " " + text("outcome.payments") : text;
    }

    String handoffText(Dispute d) {
        return d.handoffReason().map(why -> text("handoff." + why)).orElse("");
    }

    PersonId otherParty(Dispute d, Role side) {
        return side == Role.CLIENT ? d.workingExpert() : d.client();
    }

    // ---- mediators ----

    Prompt forMediator(Dispute d) {
        List<ReplyOption> options = new ArrayList<>();
        if (d.step() == Step.CLOSED) {
            return new Prompt(outcome(d), options);
        }
        if (d.step() != Step.MEDIATION) {
            return new Prompt(text("notice.HAND_BACK", "", text("step." + d.step())), options);
        }
        if (d.mediator().isEmpty()) {
            options.add(trigger(d, Trigger.CLAIM, null));
            return new Prompt(text("mediator.handoff", d.id(), d.order().id(), d.order().title(), handoffText(d)), options);
        }
        // Only steps the dispute can resume at are offered; the one it was handed off from comes first.
        List<Step> resumable = procedure.resumableSteps(d);
        Step resume = resumable.isEmpty() ? d.resumeStep().orElse(Step.TALKING) : resumable.get(0);
        if (!resumable.isEmpty()) {
            options.add(trigger(d, Trigger.HAND_BACK, resume, text("step." + resume)));
        }
        options.add(trigger(d, Trigger.RELEASE, null));
        for (Step step : List.of(Step.TERMS, Step.TASKS, Step.REWORK, Step.FEE)) {
            if (step != resume && resumable.contains(step)) {
                options.add(trigger(d, Trigger.HAND_BACK, step, text("step." + step)));
            }
        }
        d.tasks().stream().filter(t -> t.scope() == TaskScope.DISPUTED).forEach(t -> {
            options.add(trigger(d, Trigger.RULE_TASK_IN_SCOPE, t.number(), t.number()));
            options.add(trigger(d, Trigger.RULE_TASK_OUT_OF_SCOPE, t.number(), t.number()));
        });
        marketplace.people().stream()
                .filter(p -> !p.id().equals(d.client()) && !p.id().equals(d.originalExpert()) && mayBeExpert(p))
                .limit(MAX_REPLACEMENT_CANDIDATES)
                .forEach(p -> options.add(trigger(d, Trigger.ASSIGN_REPLACEMENT, p.id(), p.name())));
        options.add(trigger(d, Trigger.DECIDE_FULL_REFUND, null));
        options.add(trigger(d, Trigger.CLOSE_AS_RESOLVED, null));
        String deadline = d.stepDeadline().map(at -> "\n" + text("mediator.deadline", when(at))).orElse("");
        return new Prompt(text("mediator.prompt", d.id(), handoffText(d), text("step." + resume)) + deadline, options);
    }

    /** The steps a hand-back is accepted at now, the one the dispute was handed off from first. */
    List<Step> resumableSteps(Dispute d) {
        return procedure.resumableSteps(d);
    }

    /** Candidates for a replacement: people who work as experts, or who have no orders yet (spare experts). */
    private boolean mayBeExpert(Person person) {
        List<com.disputeassistant.marketplace.Order> orders = marketplace.ordersOf(person.id());
        return orders.isEmpty() || orders.stream().anyMatch(order -> order.expert().equals(person.id()));
    }

    /** Mediators are platform staff, not marketplace accounts: parties see the name part of their identity. */
    String mediatorName(String identity) {
        return ChannelIdentity.parse(identity).map(this::mediatorName).orElse(identity);
    }

    /** The name configured for the mediator, else their marketplace name if they have one, else their id. */
    String mediatorName(ChannelIdentity identity) {
        if (settings.mediatorNames().containsKey(identity)) {
            return settings.mediatorName(identity);
        }
        return marketplace.personByIdentity(identity).map(Person::name).orElseGet(() -> settings.mediatorName(identity));
    }

    String summary(Dispute d) {
        String replacement = d.replacementExpert().map(p -> text("mediator.replacement", name(p))).orElse("");
        String reason = d.reason().map(r -> text("reason." + r)).orElse("-");
        String ledger = d.extensions().isEmpty() ? text("ledger.none") : d.extensions().stream()
                .map(this::ledgerLine).collect(Collectors.joining(""));
        String fees = d.feeProposals().isEmpty() ? text("fees.none") : d.feeProposals().entrySet().stream()
                .map(e -> text("fees.line", name(e.getKey() == Role.CLIENT ? d.client() : d.workingExpert()), e.getValue()))
                .collect(Collectors.joining(", "));
        return text("mediator.summary", d.order().id(), d.order().title(), name(d.client()), name(d.originalExpert()),
                replacement, reason, d.description().orElse(""), termsText(d), taskList(d), ledger, fees);
    }

    /**
     * Each recorded transition as people read it, one per entry, for paging: when, who (by name), what
     * they did, and the step it moved the dispute to.
     */
    List<String> timelineLines(List<TimelineEntry> entries) {
        List<String> lines = new ArrayList<>(entries.size());
        for (TimelineEntry e : entries) {
            String who = nameOf(e.actor());
            String what = whatHappened(e.why());
            lines.add(e.from() == e.to()
                    ? text("timeline.line", when(e.at()), who, what)
                    : text("timeline.line.step", when(e.at()), who, what, text("step." + e.from()), text("step." + e.to())));
        }
        return lines;
    }

    /** Each transcript entry as people read it, one per entry, for paging: when, from whom to whom, what. */
    List<String> transcriptLines(List<TranscriptEntry> entries) {
        List<String> lines = new ArrayList<>(entries.size());
        for (TranscriptEntry e : entries) {
            lines.add(text("transcript.line", when(e.at()), nameOf(e.from()), nameOf(e.to()), e.text()));
        }
        return lines;
    }

    /**
     * Who an identity recorded in the timeline or transcript is, by name: a party's name, a mediator's
     * name, or the assistant; someone the marketplace no longer knows is "someone".
     */
    String nameOf(String identity) {
        if (identity == null || identity.equals(Actor.BOT.identity())) {
            return text("general.assistant");
        }
        Optional<ChannelIdentity> parsed = ChannelIdentity.parse(identity);
        if (parsed.isEmpty()) {
            return text("general.someone");
        }
        Optional<Person> person = marketplace.personByIdentity(parsed.get());
        if (person.isPresent()) {
            return person.get().name();
        }
        return settings.isMediator(parsed.get()) ? mediatorName(parsed.get()) : text("general.someone");
    }

    /*
     * A recorded cause reads "<trigger in words>[ (<branch>)][ #<number>][ at <STEP>][: <REASON or VERDICT>]"
     * (see Procedure.why), and the opening "opened about order <id>". Each is shown from the bundle, so it
     * reads the same in every language; one this version does not know is shown as recorded.
     */
    private static final java.util.regex.Pattern CAUSE = java.util.regex.Pattern.compile(
            "([a-z ]+?)(?: \\(([a-z ]+)\\))?(?: #(\\d+))?(?: at ([A-Z_]+))?(?:: ([A-Z_]+))?");
    private static final java.util.regex.Pattern OPENED = java.util.regex.Pattern.compile("opened about order (\\S+)");

    String whatHappened(String why) {
        java.util.regex.Matcher opened = OPENED.matcher(why);
        if (opened.matches()) {
            return text("timeline.opened", opened.group(1));
        }
        java.util.regex.Matcher cause = CAUSE.matcher(why);
        if (!cause.matches()) {
            return why;
        }
        String key = "timeline." + cause.group(1).toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!messages.has(key)) {
            return why;
        }
        String number = cause.group(3) == null ? "" : cause.group(3);
        String step = cause.group(4) == null ? "" : stepName(cause.group(4));
        String detail = cause.group(5) == null ? "" : detailName(cause.group(5));
        return text(key, number, step, detail);
    }

    private String stepName(String step) {
        return messages.has("step." + step) ? text("step." + step) : "";
    }

    /** A reason or a check's verdict, in words. */
    private String detailName(String value) {
        if (messages.has("reason." + value)) {
            return text("reason." + value);
        }
        return messages.has("check." + value) ? text("check." + value) : "";
    }
}
