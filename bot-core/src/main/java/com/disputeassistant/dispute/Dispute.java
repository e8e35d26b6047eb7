package com.disputeassistant.dispute;

import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.DeliveryStatus;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.Terms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One order's dispute: the aggregate that the procedure changes and the store saves as JSON.
 *
 * <p>It is mutable on purpose: an instance lives for exactly one turn (loaded, changed by the
 * procedure's actions, saved), and is never shared between threads or kept between messages. The
 * procedure is the only writer; channels and the engine only read it.
 */
public final class Dispute {
    private DisputeId id;
    private Order order;
    private PersonId openedBy;
    private Instant openedAt;
    private Reason reason;
    private String description;

    private Step step;
    /** Counts step changes; a reply option offered at one step is refused at any later one. */
    private int stepSeq;
    private Instant stepDeadline;
    /** When the person who owes an answer at this step is still to be reminded, earliest first. */
    private List<Instant> reminders = new ArrayList<>();

    private Terms terms;
    private String termsDefinedByMediator;
    private Set<Role> termsConfirmedBy = EnumSet.noneOf(Role.class);

    private Role resolutionProposedBy;

    private List<Task> tasks = new ArrayList<>();

    private PersonId replacementExpert;
    private int reworkRound;
    private Instant reworkDeadline;
    private List<Extension> extensions = new ArrayList<>();
    private boolean redelivered;
    private StallReason stalledBecause;
    private boolean moneyBackRequested;

    private int feeRound;
    /** Each party's latest figure; private until both have proposed once. */
    private Map<Role, Money> feeProposals = new EnumMap<>(Role.class);
    private Set<Role> feeRoundProposers = EnumSet.noneOf(Role.class);
    private boolean feeFiguresRevealed;
    private Money feeSuggestion;
    private Set<Role> feeSuggestionAcceptedBy = EnumSet.noneOf(Role.class);

    private HandoffReason handoffReason;
    private Instant handedOffAt;
    private Step resumeStep;
    private String mediator;

    private Map<String, Address> contacts = new LinkedHashMap<>();

    private Outcome outcome;

    private Dispute() {
        // for the store's JSON mapper
    }

    /** A new dispute at intake, about one order, opened by one of its two parties. */
    public static Dispute open(DisputeId id, Order order, PersonId openedBy, Instant now) {
        if (!order.involves(openedBy)) {
            throw new IllegalArgumentException(openedBy + " is not a party to order " + order.id());
        }
        Dispute dispute = new Dispute();
        dispute.id = Objects.requireNonNull(id);
        dispute.order = order;
        dispute.openedBy = openedBy;
        dispute.openedAt = now;
        dispute.step = Step.INTAKE;
        dispute.terms = order.terms();
        return dispute;
    }

    // ---- reading ----

    public DisputeId id() { return id; }
    public Order order() { return order; }
    public PersonId client() { return order.client(); }
    public PersonId originalExpert() { return order.expert(); }
    public PersonId openedBy() { return openedBy; }
    public Instant openedAt() { return openedAt; }
    public Optional<Reason> reason() { return Optional.ofNullable(reason); }
    public Optional<String> description() { return Optional.ofNullable(description); }
    public Step step() { return step; }
    public int stepSeq() { return stepSeq; }
    public Optional<Instant> stepDeadline() { return Optional.ofNullable(stepDeadline); }
    public List<Instant> reminders() { return List.copyOf(reminders); }

    /**
     * When the bot must next look at this dispute by itself: the next reminder (or announcement of a
     * queued hand-off) or the step's deadline, whichever comes first; nothing once closed.
     */
    public Optional<Instant> nextTimer() {
        if (isClosed()) {
            return Optional.empty();
        }
        Instant next = reminders.isEmpty() ? null : reminders.get(0);
        if (stepDeadline != null && (next == null || stepDeadline.isBefore(next))) {
            next = stepDeadline;
        }
        return Optional.ofNullable(next);
    }
    public Terms terms() { return terms; }
    public Optional<String> termsDefinedByMediator() { return Optional.ofNullable(termsDefinedByMediator); }
    public Set<Role> termsConfirmedBy() { return Set.copyOf(termsConfirmedBy); }
    public Optional<Role> resolutionProposedBy() { return Optional.ofNullable(resolutionProposedBy); }
    public List<Task> tasks() { return List.copyOf(tasks); }
    public Optional<PersonId> replacementExpert() { return Optional.ofNullable(replacementExpert); }
    public int reworkRound() { return reworkRound; }
    public Optional<Instant> reworkDeadline() { return Optional.ofNullable(reworkDeadline); }
    public List<Extension> extensions() { return List.copyOf(extensions); }
    public boolean redelivered() { return redelivered; }
    public Optional<StallReason> stalledBecause() { return Optional.ofNullable(stalledBecause); }
    public boolean moneyBackRequested() { return moneyBackRequested; }
    public int feeRound() { return feeRound; }
    public Map<Role, Money> feeProposals() { return Map.copyOf(feeProposals); }
    public Set<Role> feeRoundProposers() { return Set.copyOf(feeRoundProposers); }
    /** Both figures are shown once both parties have proposed in a round. */
    public boolean feeFiguresRevealed() { return feeFiguresRevealed; }
    public Optional<Money> feeSuggestion() { return Optional.ofNullable(feeSuggestion); }
    public Set<Role> feeSuggestionAcceptedBy() { return Set.copyOf(feeSuggestionAcceptedBy); }
    public Optional<HandoffReason> handoffReason() { return Optional.ofNullable(handoffReason); }
    /** When the dispute was last handed to a mediator; it keeps its place in the queue if released. */
    public Optional<Instant> handedOffAt() { return Optional.ofNullable(handedOffAt); }
    /** Whether the dispute waits in the mediators' queue: handed off, and nobody has claimed it. */
    public boolean awaitsMediator() { return step == Step.MEDIATION && mediator == null; }
    public Optional<Step> resumeStep() { return Optional.ofNullable(resumeStep); }
    /** The claiming mediator's channel identity, once claimed. */
    public Optional<String> mediator() { return Optional.ofNullable(mediator); }
    public Optional<Outcome> outcome() { return Optional.ofNullable(outcome); }
    public Money price() { return terms.price(); }
    public Money paid() { return terms.paid(); }
    public boolean isClosed() { return step == Step.CLOSED; }

    /** The expert who does the rework now: the replacement once one accepted, else the order's expert. */
    public PersonId workingExpert() {
        return replacementExpert != null ? replacementExpert : order.expert();
    }

    /** The dispute's role for a person, if they are a party. */
    public Optional<Role> roleOf(PersonId person) {
        if (person.equals(order.client())) {
            return Optional.of(Role.CLIENT);
        }
        if (person.equals(order.expert())) {
            return Optional.of(Role.EXPERT);
        }
        if (person.equals(replacementExpert)) {
            return Optional.of(Role.REPLACEMENT_EXPERT);
        }
        return Optional.empty();
    }

    /** Everyone the bot writes to about this dispute, in a stable order. */
    public List<PersonId> parties() {
        List<PersonId> parties = new ArrayList<>(List.of(order.client(), order.expert()));
        if (replacementExpert != null) {
            parties.add(replacementExpert);
        }
        return parties;
    }

    /** Where the person was last reached about this dispute, if they wrote to the bot about it. */
    public Optional<Address> contact(PersonId person) {
        return Optional.ofNullable(contacts.get(person.value()));
    }

    public Optional<Task> task(int number) {
        return tasks.stream().filter(task -> task.number() == number).findFirst();
    }

    public Optional<Extension> pendingExtension() {
        return extensions.stream().filter(e -> e.answer() == ExtensionAnswer.PENDING).findFirst();
    }

    /** Was anything delivered at all: by the order, or by a redelivery in this dispute. */
    public boolean anythingDelivered() {
        return order.deliveryStatus() != DeliveryStatus.NOT_DELIVERED || redelivered;
    }

    /** S6: the bot never offers a full refund on its own once the client confirmed a delivered task as done. */
    public boolean anyTaskConfirmedDone() {
        return tasks.stream().anyMatch(task -> task.verdict() == TaskVerdict.DONE);
    }

    // ---- changing: only the procedure calls these ----

    /** Moves to a step (or keeps it with a new deadline), with the reminders due before that deadline. */
    public void moveTo(Step next, Instant deadline, List<Instant> remindAt) {
        if (next != step) {
            stepSeq++;
        }
        step = next;
        stepDeadline = deadline;
        reminders = new ArrayList<>(remindAt);
        reminders.sort(null);
    }

    /** Drops the reminders due by {@code now}; true if there was one, meaning a reminder is to go out now. */
    public boolean takeDueReminders(Instant now) {
        return reminders.removeIf(at -> !at.isAfter(now));
    }

    public void chooseReason(Reason chosen) { reason = chosen; }
    public void describe(String text) { description = text; }
    public void proposeResolution(Role by) { resolutionProposedBy = by; }
    public void confirmTerms(Role by) { termsConfirmedBy.add(by); }
    public void resetTermsConfirmations() { termsConfirmedBy.clear(); }
    public void defineTerms(String definition) { termsDefinedByMediator = definition; }

    public Task addTask(String text) {
        int next = tasks.stream().mapToInt(Task::number).max().orElse(0) + 1;
        Task task = Task.proposed(next, text);
        tasks.add(task);
        return task;
    }

    public void removeTask(int number) { tasks.removeIf(task -> task.number() == number); }

    public void replaceTask(Task changed) {
        tasks.replaceAll(task -> task.number() == changed.number() ? changed : task);
    }

    public void assignReplacement(PersonId person) { replacementExpert = person; }
    public void withdrawReplacement() { replacementExpert = null; }

    public void startRework(Instant deadline) {
        reworkRound++;
        reworkDeadline = deadline;
        redelivered = false;
        stalledBecause = null;
        // Tasks the client already confirmed as done stay done; only the rest are reworked and checked again.
        tasks.replaceAll(task -> task.verdict() == TaskVerdict.DONE
                ? task : task.withDoneClaimed(false).withVerdict(TaskVerdict.UNCHECKED));
    }

    public void extendRework(Instant deadline) { reworkDeadline = deadline; }
    public void recordExtension(Extension extension) { extensions.add(extension); }

    public void answerPendingExtension(ExtensionAnswer answer, Instant at) {
        extensions.replaceAll(e -> e.answer() == ExtensionAnswer.PENDING ? e.answered(answer, at) : e);
    }

    public void markRedelivered() { redelivered = true; }
    public void stall(StallReason why) { stalledBecause = why; }
    public void requestMoneyBack() { moneyBackRequested = true; }

    public void proposeFee(Role by, Money fee) {
        feeProposals.put(by, fee);
        feeRoundProposers.add(by);
    }

    public void revealFeeFigures() { feeFiguresRevealed = true; }
    public void suggestFee(Money fee) {
        feeSuggestion = fee;
        feeSuggestionAcceptedBy.clear();
    }
    public void acceptFeeSuggestion(Role by) { feeSuggestionAcceptedBy.add(by); }

    /** Starts the next round; earlier figures stay visible, so either party can still accept the other's. */
    public void nextFeeRound() {
        feeRound++;
        feeRoundProposers.clear();
        feeSuggestion = null;
        feeSuggestionAcceptedBy.clear();
    }

    /** A fresh set of fee rounds, when a mediator hands the dispute back to the fee step. */
    public void restartFeeRounds() {
        feeRound = 0;
        feeRoundProposers.clear();
        feeSuggestion = null;
        feeSuggestionAcceptedBy.clear();
    }

    public void handOff(HandoffReason why, Step resumeAt, Instant now) {
        handoffReason = why;
        resumeStep = resumeAt;
        handedOffAt = now;
        mediator = null;
    }

    /**
     * A mediator takes the dispute, which now waits on them: until {@code deadline}, when it goes back to
     * the queue, with the mediator reminded at {@code remindAt}. The parties are not reminded while they hold it.
     */
    public void claim(String mediatorIdentity, Instant deadline, List<Instant> remindAt) {
        mediator = mediatorIdentity;
        stepDeadline = deadline;
        reminders = new ArrayList<>(remindAt);
        reminders.sort(null);
    }

    /** A mediator takes the dispute with no deadline: for disputes set up by hand; the procedure's claim sets one. */
    public void claim(String mediatorIdentity) {
        claim(mediatorIdentity, null, List.of());
    }

    /**
     * The dispute goes back to the queue unclaimed (released by its mediator, or their deadline passed), to
     * be announced again at {@code announceAt}; a queued hand-off has no deadline.
     */
    public void release(Instant announceAt) {
        mediator = null;
        stepDeadline = null;
        reminders = new ArrayList<>(List.of(announceAt));
    }

    /** The next reminder (for a queued hand-off: the next announcement to the mediators) is at {@code at}. */
    public void remindAgainAt(Instant at) {
        reminders.add(at);
        reminders.sort(null);
    }

    public void handBack() {
        handoffReason = null;
        resumeStep = null;
        handedOffAt = null;
        mediator = null;
    }

    public void rememberContact(PersonId person, Address address) { contacts.put(person.value(), address); }

    public void close(Outcome finalOutcome) {
        if (outcome != null) {
            throw new IllegalStateException("dispute " + id + " is already closed with " + outcome.type());
        }
        outcome = finalOutcome;
    }
}
