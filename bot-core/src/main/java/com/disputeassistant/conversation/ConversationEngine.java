package com.disputeassistant.conversation;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.language.Language;
import com.disputeassistant.language.Speaker;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.procedure.Actor;
import com.disputeassistant.procedure.Command;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.procedure.Trigger;
import com.disputeassistant.store.Change;
import com.disputeassistant.store.CommitResult;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.LoadedDispute;
import com.disputeassistant.store.StoredDispute;
import com.disputeassistant.store.TurnStart;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The conversation engine: one inbound message in, the messages for everyone concerned out.
 *
 * <p>Each message is one turn: load the dispute, apply at most one person's action (after the step's
 * deadline outcome, if the deadline has passed), and commit everything in one atomic, version-checked
 * write. If another instance changed the dispute in between, the turn is run again on the fresh state,
 * where a click from an earlier step is refused, so exactly one of two conflicting actions wins.
 * Refused input changes nothing and writes nothing. Nothing is kept in memory between messages.
 *
 * <p>A turn's replies are part of it: rendered by the caller's {@link Delivery} and queued by the same
 * atomic write that commits the turn, or, for a message that changed nothing, by the one write that
 * marks its delivery id handled. So they are queued exactly when the turn is applied, once, whichever
 * copy of a delivery runs it, and what the engine returns is only what the turn said.
 */
public final class ConversationEngine {
    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);
    private static final int ATTEMPTS = 3;
    /** How many dispute ids a new dispute may draw before it gives up (see {@code open}); one is almost always enough. */
    private static final int ID_DRAWS = 5;
    private static final int MAX_TEXT = 4000;
    private static final Pattern EXTENSION_DAYS = Pattern.compile("(\\d{1,3})\\s*(more\\s+|weitere\\s+)?(days?|tagen?|tage)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Marketplace marketplace;
    private final DisputeStore store;
    private final ProcedureSettings settings;
    private final Clock clock;
    private final Procedure procedure;
    /** The prompts in each language; each recipient is answered in theirs (see {@link Audience}). */
    private final Map<Language, Prompts> prompts = new EnumMap<>(Language.class);

    /** Evidence is kept by {@code evidence}; null where nobody may send any (then a file is answered so). */
    private final EvidenceIntake evidence;
    private final Supplier<DisputeId> newIds;

    /** An engine that keeps no evidence: a file sent is answered with that. */
    public ConversationEngine(Marketplace marketplace, DisputeStore store, ProcedureSettings settings, Clock clock) {
        this(marketplace, store, settings, clock, null);
    }

    /** @param evidence keeps the files and links people send, or null for none */
    public ConversationEngine(Marketplace marketplace, DisputeStore store, ProcedureSettings settings, Clock clock,
                              EvidenceIntake evidence) {
        this(marketplace, store, settings, clock, evidence, DisputeId::random);
    }

    /** @param newIds where new disputes' ids come from: random ones, or a test's chosen ones */
    ConversationEngine(Marketplace marketplace, DisputeStore store, ProcedureSettings settings, Clock clock,
                       EvidenceIntake evidence, Supplier<DisputeId> newIds) {
        this.newIds = newIds;
        this.evidence = evidence;
        this.marketplace = marketplace;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.procedure = new Procedure(settings);
        for (Language language : Language.values()) {
            prompts.put(language, new Prompts(new Messages(language), marketplace, procedure, settings));
        }
    }

    /**
     * Handles one message; never throws for bad input, answers it instead. A message whose delivery id
     * was already handled is ignored (an empty answer): the first delivery was applied and answered. The
     * replies are returned only, not queued for any channel (see {@link Delivery#none()}): for a caller
     * that shows them itself; the inbound path uses {@link #handleCounted}.
     */
    public List<OutboundMessage> handle(InboundMessage message) {
        return handle(message, Delivery.none(), true).replies();
    }

    /**
     * Handles a message whose delivery id the caller has just found new (the inbound path checks it before
     * a press is answered), so it is not read again; a commit still applies the id at most once, so a
     * concurrent redelivery changes nothing. Says also whether the message changed a dispute (applied) or
     * only got an answer (refused, a question, a menu), for the inbound path's metrics.
     *
     * <p>The replies are rendered by {@code delivery} and queued with the turn's commit; an answer that
     * changed nothing is queued together with the delivery id's handled-marker, and not at all if another
     * copy of the delivery got there first.
     */
    public Handled handleCounted(InboundMessage message, Delivery delivery) {
        return handle(message, delivery, false);
    }

    /**
     * As {@link #handleCounted}, for a message whose delivery id the caller has not checked: a message
     * handled before is ignored ({@link Handled#seenBefore()}), found by the turn's first read, so that the
     * check costs no round trip of its own.
     */
    public Handled handleNew(InboundMessage message, Delivery delivery) {
        return handle(message, delivery, true);
    }

    /**
     * Handles a message; with {@code check}, one whose delivery id was handled before is ignored. The check
     * costs no read of its own where it can be made by the turn's first read ({@link DisputeStore#startTurn});
     * a message answered without a turn is checked by the atomic write of its answer and marker, or, before
     * any other write (where the person wrote from, a mediator's command), by a read of its own.
     */
    private Handled handle(InboundMessage message, Delivery delivery, boolean check) {
        String deliveryId = message.deliveryId();
        Cause cause = new Cause(message, new Audience(store, marketplace, settings, prompts, message.from().identity(),
                message.language()), delivery, check ? deliveryId : null);
        List<OutboundMessage> answer = dispatch(cause);
        if (cause.handledBefore) {
            log.debug("Ignoring {}: already handled", deliveryId);
            return Handled.SEEN_BEFORE;
        }
        cause.audience.keepSenderHint();
        if (!cause.committed) {
            // A commit queued its replies and recorded its message itself, atomically; an answer that
            // changed nothing is queued here, with the message's marker, in one atomic write.
            boolean queued = store.queueReplies(deliveryId, delivery.render(answer));
            if (!queued && check) {
                log.debug("Ignoring {}: already handled", deliveryId);
                return Handled.SEEN_BEFORE;
            }
        }
        return new Handled(answer, cause.committed);
    }

    /**
     * A handled message: the replies, and whether it changed a dispute.
     *
     * @param applied    true when the turn committed a change to a dispute
     * @param seenBefore true when the message was handled before and so was ignored (only when checked)
     */
    public record Handled(List<OutboundMessage> replies, boolean applied, boolean seenBefore) {
        static final Handled SEEN_BEFORE = new Handled(List.of(), false, true);

        public Handled(List<OutboundMessage> replies, boolean applied) {
            this(replies, applied, false);
        }
    }

    /**
     * The key of the dispute id in the logging context (SLF4J's MDC): every line a turn writes carries
     * it once the turn knows its dispute; whoever runs the turn (the inbound path, the timers) clears it.
     */
    public static final String LOG_DISPUTE = "dispute.id";

    private List<OutboundMessage> dispatch(Cause cause) {
        InboundMessage message = cause.message;
        ChannelIdentity identity = message.from().identity();
        if (!message.isOption() && message.text().length() > MAX_TEXT) {
            return cause.reply("refuse.text.long", MAX_TEXT);
        }
        if (settings.isMediator(identity)) {
            if (cause.wasHandled(store)) {
                return List.of();
            }
            return new MediatorTurns(this, cause, marketplace, store, procedure).handle();
        }
        Optional<Person> person = marketplace.personByIdentity(identity);
        if (person.isEmpty()) {
            return cause.reply("general.unknown-person", identity);
        }
        return new PartyTurns(cause, person.get()).handle();
    }

    /**
     * What a turn answers (a person's message, or a timer when null), who is concerned in which language,
     * and whether the turn committed.
     */
    static final class Cause {
        final InboundMessage message;
        private final Audience audience;
        /** Renders the turn's replies, which its commit queues. */
        private final Delivery delivery;
        private boolean committed;
        /** The delivery id still to be checked (handled before?) by the turn's first read; null once checked. */
        private String unchecked;
        /** The message was handled before: the turn does nothing and answers nothing. */
        private boolean handledBefore;

        Cause(InboundMessage message, Audience audience, Delivery delivery) {
            this(message, audience, delivery, null);
        }

        Cause(InboundMessage message, Audience audience, Delivery delivery, String unchecked) {
            this.message = message;
            this.audience = audience;
            this.delivery = delivery;
            this.unchecked = unchecked;
        }

        /** The delivery id for the turn's first read to check, once; null when it needs no check. */
        private String takeUnchecked() {
            String id = unchecked;
            unchecked = null;
            return id;
        }

        /** Whether the message was handled before, read now unless a read of the turn has told already. */
        boolean wasHandled(DisputeStore store) {
            String id = takeUnchecked();
            if (id != null && store.wasHandled(id)) {
                handledBefore = true;
            }
            return handledBefore;
        }

        /** The change with the replies it queues, rendered for their channels. */
        Change withReplies(Change change, List<OutboundMessage> replies) {
            return change.withReplies(delivery.render(replies));
        }

        /** The sender's prompts and texts, in the sender's language. */
        Prompts prompts() {
            return audience.prompts(from());
        }

        Messages messages() {
            return prompts().messages();
        }

        /** Answers the sender with one text, offering the menu and help. */
        List<OutboundMessage> reply(String key, Object... args) {
            return ConversationEngine.reply(from(), messages(), messages().get(key, args));
        }

        Address from() {
            return message == null ? null : message.from();
        }

        String deliveryId() {
            return message == null ? null : message.deliveryId();
        }
    }

    /** Where evidence is kept; null when it is not. */
    EvidenceIntake evidence() {
        return evidence;
    }

    /** How the parties see a mediator (see {@code dispute.procedure.mediators}), e.g. for a channel's list. */
    public String mediatorName(ChannelIdentity mediator) {
        return prompts.get(Language.DEFAULT).mediatorName(mediator);
    }

    /**
     * The language to use with whoever is reached at this identity, for what a channel says by itself
     * (a form, a refused button, a home tab): their own choice, else the marketplace's, else the
     * channel's {@code hint} (may be null), else English. One read of the store.
     */
    public Language languageOf(ChannelIdentity identity, Language hint) {
        return new Audience(store, marketplace, settings, prompts, identity, hint).ofSender();
    }

    /** A sentence of the bundle in a language, for what the inbound path and the channels say themselves. */
    public String text(Language language, String key, Object... args) {
        return prompts.get(language).text(key, args);
    }

    /** A moment as people of a language read it, e.g. a deadline in a channel's list of someone's disputes. */
    public String when(java.time.Instant instant, Language language) {
        return language.when(instant);
    }

    /** The open disputes of the marketplace person with this identity, e.g. for a channel's list; empty for anyone else. */
    public Optional<List<Dispute>> openDisputesOf(ChannelIdentity identity) {
        return marketplace.personByIdentity(identity).map(person -> store.loadOpenDisputesOf(person.id()));
    }

    /** The name of a step in a language. */
    public String stepName(Step step, Language language) {
        return prompts.get(language).text("step." + step);
    }

    /**
     * A timer of this dispute fell due (see {@code DeadlineTimers}): applies the step's deadline outcome
     * if the deadline has passed, else sends the reminders that are due. Returns the messages for
     * everyone concerned; nothing if nothing was due, for instance because another instance was first.
     * The messages are rendered by {@code delivery} and queued by the timer's commit.
     */
    public List<OutboundMessage> timerFired(DisputeId id, Delivery delivery) {
        Cause timer = new Cause(null, new Audience(store, marketplace, settings, prompts, null, null), delivery);
        Dispute[] seen = new Dispute[1];
        List<OutboundMessage> outbound = runTurn(id, timer, Actor.BOT, turn -> {
            seen[0] = turn.dispute();
            turn.remindIfDue();
        });
        if (!timer.committed) {
            // Nothing was due after all: put the timer back where the dispute says, rather than leave the
            // claim's lease in place (a commit reschedules it by itself).
            store.scheduleTimer(id, seen[0] == null ? Optional.empty() : seen[0].nextTimer());
        }
        return outbound;
    }

    // ---- turns on one dispute ----

    /** The body of a turn on a freshly loaded dispute. */
    @FunctionalInterface
    interface Act {
        void run(Turn turn);
    }

    /** One turn on a dispute, caused by a person's message or by a timer. */
    List<OutboundMessage> runTurn(DisputeId id, Cause cause, Actor actor, Act act) {
        return runTurn(Objects.requireNonNull(id, "id"), null, cause, actor, act).orElseThrow();
    }

    /**
     * One turn on the dispute {@code named}, or (null) the one the sender is in: their focus, else {@code
     * person}'s only open dispute; empty when there is none. The first read of the turn also checks the
     * message's delivery id if it was not checked yet, so a message costs two round trips: that read and
     * the commit.
     */
    Optional<List<OutboundMessage>> runTurn(DisputeId named, PersonId person, Cause cause, Actor actor, Act act) {
        Address from = cause.from();
        DisputeId id = named;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<Speaker> others = cause.audience.othersToAsk();
            Optional<LoadedDispute> loaded;
            if (attempt == 1) {
                TurnStart start = store.startTurn(cause.takeUnchecked(), named,
                        named == null && from != null ? from.identity() : null, named == null ? person : null, others);
                if (start.handled()) {
                    cause.handledBefore = true;
                    return Optional.of(List.of());
                }
                if (start.dispute().isEmpty()) {
                    return Optional.empty();
                }
                id = start.dispute().get();
                loaded = start.loaded();
            } else {
                loaded = store.loadForTurn(id, others);
            }
            MDC.put(LOG_DISPUTE, id.value());
            if (loaded.isEmpty()) {
                return Optional.of(from == null ? List.of() : cause.reply("general.dispute-missing", id));
            }
            cause.audience.remember(loaded.get(), others);
            Step before = loaded.get().stored().dispute().step();
            boolean heldBefore = loaded.get().stored().dispute().mediator().isPresent();
            Turn turn = new Turn(loaded.get().stored(), from, actor, clock.instant(), marketplace, cause.audience,
                    settings);
            applyDueDeadline(turn);
            act.run(turn);
            if (evidence != null && before != Step.REPLACEMENT && turn.dispute().step() == Step.REPLACEMENT) {
                turn.attachHandOver(evidence.items(id));
            }
            if (evidence != null && !heldBefore && turn.dispute().mediator().isPresent()) {
                turn.attachForMediator(evidence.items(id));
            }
            List<OutboundMessage> outbound = turn.outbound();
            if (!turn.changed()) {
                return Optional.of(outbound);
            }
            CommitResult result = store.commit(cause.withReplies(turn.change(outbound, cause.deliveryId()), outbound));
            if (result instanceof CommitResult.Committed) {
                cause.committed = true;
                if (turn.dispute().step() != before) {
                    log.info("Dispute {} moved from {} to {}", id, before, turn.dispute().step());
                }
                return Optional.of(outbound);
            }
            if (result instanceof CommitResult.AlreadyApplied) {
                // Another instance took the same delivery first and queued its answer.
                return Optional.of(List.of());
            }
            log.debug("Dispute {} changed under turn {} ({}); running it again", id, attempt, result);
        }
        return Optional.of(from == null ? List.of() : cause.reply("general.busy"));
    }

    private void applyDueDeadline(Turn turn) {
        Dispute d = turn.dispute();
        if (!d.isClosed() && d.stepDeadline().filter(deadline -> !turn.now().isBefore(deadline)).isPresent()) {
            turn.apply(procedure, Command.of(Trigger.DEADLINE_PASSED, Actor.BOT));
        }
    }

    /** Answers {@code to} with one text, offering the menu and help, in the language of {@code messages}. */
    static List<OutboundMessage> reply(Address to, Messages messages, String text) {
        return List.of(new OutboundMessage(to, text, List.of(new ReplyOption(OptionId.MENU, messages.get("option.menu")),
                new ReplyOption(OptionId.HELP, messages.get("option.help"))), messages.language()));
    }

    /**
     * {@code /language}: without a code, the choices as buttons; with one the bot speaks, the sender's
     * choice is stored and confirmed in the new language, followed by {@code then}'s answer (where the
     * sender's dispute stands) when there is one; with another code, the choices again and why.
     */
    List<OutboundMessage> language(Cause cause, String code, Function<String, Optional<List<OutboundMessage>>> then) {
        Optional<Language> chosen = Language.of(code);
        if (chosen.isEmpty()) {
            Messages messages = cause.messages();
            String text = code.isBlank() ? messages.get("language.choose", Language.codes())
                    : messages.get("language.unknown", code, Language.codes());
            List<ReplyOption> options = Language.all().stream()
                    .map(l -> new ReplyOption(OptionId.language(l), messages.get("language.name." + l.code())))
                    .toList();
            return List.of(new OutboundMessage(cause.from(), text, options, messages.language()));
        }
        cause.audience.choose(chosen.get());
        String confirmation = cause.messages().get("language.set", cause.messages().get("language.name." + chosen.get().code()));
        return then.apply(confirmation).filter(out -> !out.isEmpty())
                .orElseGet(() -> ConversationEngine.reply(cause.from(), cause.messages(), confirmation));
    }

    // ---- clients and experts ----

    private final class PartyTurns {
        private final Cause cause;
        private final InboundMessage message;
        private final Person person;
        private final Actor actor;

        PartyTurns(Cause cause, Person person) {
            this.cause = cause;
            this.message = cause.message;
            this.person = person;
            this.actor = Actor.person(message.from().identity().toString(), person.id());
        }

        List<OutboundMessage> handle() {
            List<OutboundMessage> answer = answer();
            if (!cause.committed && !cause.wasHandled(store)) {
                // A commit records where the person wrote from; an answer that changed nothing records it here.
                store.rememberAddress(person.id(), message.from());
            }
            return answer;
        }

        private List<OutboundMessage> answer() {
            if (message.isOption()) {
                Optional<OptionId> option = OptionId.parse(message.option());
                if (option.isEmpty()) {
                    return cause.reply("general.option-unknown");
                }
                return onOption(option.get());
            }
            TypedCommand typed = TypedCommand.of(message.text());
            // A link is evidence only about a dispute in focus; elsewhere the text is answered as ever.
            if (message.hasFiles() || evidence != null && typed == TypedCommand.NONE
                    && !EvidenceIntake.links(message.text()).isEmpty() && focusedDispute().isPresent()) {
                return withEvidence(typed == TypedCommand.NONE && !message.text().isBlank());
            }
            return switch (typed) {
                case MENU -> menu();
                case HELP -> inFocus(turn -> turn.replyWithPrompt(messages().get("general.help"))).orElseGet(this::help);
                case HUMAN -> onFocus(turn -> turn.perform(procedure, Command.of(Trigger.ASK_FOR_HUMAN, actor)));
                case MONEY_BACK -> onFocus(turn -> turn.perform(procedure, Command.of(Trigger.REQUEST_MONEY_BACK, actor)));
                case WITHDRAW -> onFocus(turn -> turn.perform(procedure, Command.of(Trigger.WITHDRAW, actor)));
                case LANGUAGE -> language(TypedCommand.languageArgument(message.text()));
                case UNKNOWN_COMMAND -> cause.reply("general.unknown-command", message.text().strip());
                case NONE -> onFocus(this::onText);
            };
        }

        private List<OutboundMessage> onOption(OptionId option) {
            return switch (option.kind()) {
                case MENU -> menu();
                case HELP -> help();
                case LANGUAGE -> language(option.arg());
                case OPEN_ORDER -> open(option.arg());
                case FOCUS -> onDispute(option.dispute(), turn -> {
                    turn.replyWithPrompt(null);
                    turn.focusHere();
                });
                case DISPUTE -> onDispute(option.dispute(), turn -> {
                    if (option.stepSeq() != turn.dispute().stepSeq()) {
                        turn.replyWithPrompt(messages().get("general.stale"));
                        return;
                    }
                    if (option.action().equals("HELP")) {
                        turn.replyWithPrompt(messages().get("general.help"));
                        return;
                    }
                    Optional<Command> command = commandFor(option, actor);
                    if (command.isEmpty()) {
                        turn.reply(messages().get("general.option-unknown"));
                        return;
                    }
                    if (turn.promptForActor().options().stream().noneMatch(o -> o.id().equals(message.option()))) {
                        // Not on offer now: answered already (a press that arrived twice, a tick pressed again),
                        // so applying it again would record it twice or undo it.
                        turn.replyWithPrompt(messages().get("general.answered"));
                        return;
                    }
                    turn.perform(procedure, command.get());
                });
            };
        }

        /**
         * The sender's texts; the replies below are all to the sender. Resolved when first needed, so a turn
         * reads the sender's language together with everyone else's.
         */
        private Messages messages() {
            return cause.messages();
        }

        /** Switches the language, then shows where the dispute in focus stands, in the new language. */
        private List<OutboundMessage> language(String code) {
            return ConversationEngine.this.language(cause, code,
                    confirmation -> inFocus(turn -> turn.replyWithPrompt(confirmation)));
        }

        private List<OutboundMessage> onDispute(DisputeId id, Act act) {
            return runTurn(id, cause, actor, asParty(act));
        }

        /** A turn on the dispute the message is about, or else the one the person is in; empty if none. */
        private Optional<List<OutboundMessage>> inFocus(Act act) {
            return runTurn(message.dispute(), person.id(), cause, actor, asParty(act));
        }

        /**
         * The dispute in focus, resolved ahead of the turn: only for evidence, whose files are fetched
         * before the turn that records them (a turn itself resolves its dispute in its one read).
         */
        private Optional<DisputeId> focusedDispute() {
            return store.disputeAbout(message.dispute(), message.from().identity(), person.id());
        }

        private Act asParty(Act act) {
            return turn -> {
                if (turn.dispute().roleOf(person.id()).isEmpty()) {
                    turn.reply(messages().get("general.not-party", turn.dispute().id()));
                    return;
                }
                turn.rememberSender(person.id());
                act.run(turn);
            };
        }

        private List<OutboundMessage> onFocus(Act act) {
            return inFocus(turn -> {
                if (turn.dispute().isClosed()) {
                    // The dispute this person last talked about is closed: say how it ended, and offer the menu.
                    turn.replyWithPrompt(null);
                    return;
                }
                act.run(turn);
            }).map(out -> out.isEmpty() && !cause.handledBefore ? menu() : out).orElseGet(this::menu);
        }

        /**
         * Files (and links) sent about the dispute in focus: kept first ({@link EvidenceIntake}, which may
         * fetch for a while and is safe to repeat), then one turn records them, tells everyone concerned and,
         * if the message had words too, takes those as any text at this step. A file alone is answered with
         * what the step still needs.
         */
        private List<OutboundMessage> withEvidence(boolean andText) {
            Optional<DisputeId> id = focusedDispute();
            if (id.isEmpty()) {
                return cause.reply("evidence.no-dispute");
            }
            if (evidence == null) {
                return cause.reply("evidence.unavailable", message.files().stream().map(IncomingFile::name)
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            Optional<Dispute> dispute = store.load(id.get()).map(StoredDispute::dispute);
            Optional<Role> role = dispute.flatMap(d -> d.roleOf(person.id()));
            if (dispute.isEmpty() || role.isEmpty()) {
                return onDispute(id.get(), turn -> { }); // says why, as for any message about it
            }
            List<EvidenceIntake.Result> results = evidence.take(dispute.get(), new EvidenceIntake.Sender(
                    actor.identity(), role.get()), message.files(), message.text(), message.deliveryId());
            return onDispute(id.get(), turn -> {
                turn.recordEvidence(results, evidence.limits());
                if (andText && !turn.dispute().isClosed()) {
                    onText(turn);
                } else {
                    turn.replyWithPrompt(null);
                }
            });
        }

        private void onText(Turn turn) {
            Dispute d = turn.dispute();
            String text = message.text().strip();
            turn.recordInbound(text);
            PersonId me = person.id();
            switch (d.step()) {
                case INTAKE -> turn.perform(procedure, Command.of(Trigger.DESCRIBE, actor).withText(text));
                case TALKING -> turn.relayToOtherParty(me, text);
                case TASKS -> turn.perform(procedure, Command.of(Trigger.ADD_TASK, actor).withText(text));
                case FEE -> {
                    Optional<Money> amount = Money.parse(text, d.paid().currency(), messages().language());
                    if (amount.isEmpty()) {
                        turn.refuse(messages().get("refuse.fee.amount", d.paid()));
                    } else {
                        turn.perform(procedure, Command.of(Trigger.PROPOSE_FEE, actor).withAmount(amount.get()));
                    }
                }
                case REWORK -> {
                    Matcher days = EXTENSION_DAYS.matcher(text);
                    if (me.equals(d.workingExpert()) && days.find()) {
                        turn.perform(procedure, Command.of(Trigger.REQUEST_EXTENSION, actor)
                                .withNumber(Integer.parseInt(days.group(1))).withText(text));
                    } else {
                        turn.relayToOtherParty(me, text);
                    }
                }
                case MEDIATION -> turn.relayToMediator(me, text);
                default -> turn.refuse(messages().get("general.choice-expected"));
            }
        }

        private List<OutboundMessage> help() {
            return cause.reply("general.help");
        }

        private List<OutboundMessage> menu() {
            List<ReplyOption> options = new ArrayList<>();
            List<String> openOrders = new ArrayList<>();
            for (Dispute d : store.loadOpenDisputesOf(person.id())) {
                openOrders.add(d.order().id().value());
                options.add(new ReplyOption(OptionId.focus(d.id()),
                        messages().get("option.focus", d.id(), d.order().title(), messages().get("step." + d.step()))));
            }
            for (Order order : marketplace.ordersOf(person.id())) {
                if (!openOrders.contains(order.id().value())) {
                    options.add(new ReplyOption(OptionId.open(order.id().value()),
                            messages().get("option.open", order.id(), order.title())));
                }
            }
            String text = options.isEmpty() ? messages().get("general.menu.nothing") : messages().get("general.menu");
            options.add(new ReplyOption(OptionId.HELP, messages().get("option.help")));
            return List.of(new OutboundMessage(message.from(), text, options, messages().language()));
        }

        private List<OutboundMessage> open(String orderId) {
            Optional<Order> order;
            try {
                order = marketplace.order(new OrderId(orderId)).filter(o -> o.involves(person.id()));
            } catch (IllegalArgumentException e) {
                order = Optional.empty();
            }
            if (order.isEmpty()) {
                return cause.reply("general.order-missing", orderId);
            }
            // Ids are short for people to read, so among a million disputes a new one can draw an id in use: the
            // create then conflicts (its expected version is 0), and another id is drawn.
            for (int attempt = 1; attempt <= ID_DRAWS; attempt++) {
                Dispute dispute = procedure.open(newIds.get(), order.get(), person.id(), clock.instant());
                MDC.put(LOG_DISPUTE, dispute.id().value());
                dispute.rememberContact(person.id(), message.from());
                Prompts.Prompt prompt = cause.prompts().forParty(dispute, person.id());
                OutboundMessage answer = new OutboundMessage(message.from(), prompt.text(), prompt.options(), null,
                        dispute.id(), messages().language());
                TimelineEntry opened = new TimelineEntry(dispute.openedAt(), actor.identity(), Step.INTAKE,
                        Step.INTAKE, "opened about order " + order.get().id());
                CommitResult result = store.commit(cause.withReplies(new Change(dispute, 0, List.of(opened),
                        Turn.transcriptOf(dispute.openedAt(), List.of(answer)), message.from().identity(),
                        cause.deliveryId(), new Change.LastUsed(person.id(), message.from())), List.of(answer)));
                if (result instanceof CommitResult.VersionConflict) {
                    log.info("Dispute id {} is taken; drawing another", dispute.id());
                    continue;
                }
                if (result instanceof CommitResult.AlreadyApplied) {
                    return List.of();
                }
                if (result instanceof CommitResult.OrderAlreadyDisputed already) {
                    return onDispute(already.openDispute(), turn -> turn.replyWithPrompt(
                            messages().get("general.order-disputed", orderId, already.openDispute())));
                }
                log.info("Dispute {} opened about order {}", dispute.id(), order.get().id());
                cause.committed = true;
                return List.of(answer);
            }
            return cause.reply("general.busy");
        }
    }

    /** Turns a dispute option into the command it stands for; empty if the option is malformed. */
    static Optional<Command> commandFor(OptionId option, Actor actor) {
        try {
            if (option.action().equals("ASK_FOR_HUMAN") || option.action().equals("REQUEST_MONEY_BACK")) {
                return Optional.of(Command.of(Trigger.valueOf(option.action()), actor));
            }
            Trigger trigger = Trigger.valueOf(option.action());
            Command command = Command.of(trigger, actor);
            String arg = option.arg();
            return Optional.of(switch (trigger) {
                case CHOOSE_REASON -> command.withReason(Reason.valueOf(arg));
                case MARK_TASK_DONE -> command.withNumber(Integer.parseInt(arg.endsWith(Prompts.UNTICK)
                        ? arg.substring(0, arg.length() - Prompts.UNTICK.length()) : arg));
                case REMOVE_TASK, DISPUTE_TASK, RULE_TASK_IN_SCOPE, RULE_TASK_OUT_OF_SCOPE,
                     REQUEST_EXTENSION, SET_DEADLINE -> command.withNumber(Integer.parseInt(arg));
                case CHECK_TASK -> {
                    String[] parts = arg.split("-", 2);
                    yield command.withNumber(Integer.parseInt(parts[0])).withVerdict(TaskVerdict.valueOf(parts[1]));
                }
                case HAND_BACK -> command.withStep(Step.valueOf(arg));
                case ASSIGN_REPLACEMENT -> command.withPerson(new PersonId(arg));
                default -> command;
            });
        } catch (IllegalArgumentException | NullPointerException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

}
