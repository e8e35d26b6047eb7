package com.disputeassistant.conversation;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.procedure.Actor;
import com.disputeassistant.procedure.Command;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.Transition;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * One mediator's message or press: a command from the {@link MediatorCommand} table, typed or pressed,
 * or text to relay to the parties of the dispute the mediator holds. Commands that name no dispute (the
 * queue, a claim, help) work anywhere; the others act on the dispute in view (the room thread's, or the
 * one the mediator last acted on).
 */
final class MediatorTurns {
    /** Timeline and transcript entries a page shows: a screen of a chat pane, not a wall of text. */
    static final int PAGE_SIZE = 8;
    /** The transcript pages a mediator can leaf back through. */
    private static final int MAX_TRANSCRIPT_PAGES = 25;

    private final ConversationEngine engine;
    private final ConversationEngine.Cause cause;
    private final InboundMessage message;
    private final Actor actor;
    private final Marketplace marketplace;
    private final DisputeStore store;
    private final Procedure procedure;

    MediatorTurns(ConversationEngine engine, ConversationEngine.Cause cause, Marketplace marketplace,
                  DisputeStore store, Procedure procedure) {
        this.engine = engine;
        this.cause = cause;
        this.message = cause.message;
        this.actor = Actor.mediator(message.from().identity().toString());
        this.marketplace = marketplace;
        this.store = store;
        this.procedure = procedure;
    }

    /**
     * The mediator's prompts and texts, in the mediator's language, resolved when first needed: a turn
     * reads the mediator's language together with the dispute, not in a read of its own.
     */
    private Prompts prompts() {
        return cause.prompts();
    }

    private Messages messages() {
        return cause.messages();
    }

    List<OutboundMessage> handle() {
        return message.isOption() ? onOption() : onText(message.text().strip());
    }

    private List<OutboundMessage> onOption() {
        Optional<OptionId> option = OptionId.parse(message.option())
                .filter(o -> o.kind() == OptionId.Kind.DISPUTE || o.kind() == OptionId.Kind.FOCUS
                        || o.kind() == OptionId.Kind.LANGUAGE);
        if (option.isEmpty()) {
            return ConversationEngine.reply(message.from(), messages(), help(messages().get("general.option-unknown")));
        }
        OptionId chosen = option.get();
        if (chosen.kind() == OptionId.Kind.LANGUAGE) {
            return engine.language(cause, chosen.arg(), confirmation -> Optional.empty());
        }
        if (chosen.kind() == OptionId.Kind.FOCUS) {
            return engine.runTurn(chosen.dispute(), cause, actor, Turn::replyToMediator);
        }
        Optional<MediatorCommand> command = MediatorCommand.ofAction(chosen.action());
        if (command.isEmpty()) {
            return ConversationEngine.reply(message.from(), messages(), help(messages().get("general.option-unknown")));
        }
        return engine.runTurn(chosen.dispute(), cause, actor, turn -> {
            // Reading (a page of the timeline) is never stale; acting on an earlier step is.
            if (command.get().trigger().isPresent() && chosen.stepSeq() != turn.dispute().stepSeq()) {
                turn.replyWithPrompt(messages().get("general.stale"));
                return;
            }
            if (command.get() != MediatorCommand.CLAIM && !holds(turn)) {
                return;
            }
            run(turn, command.get(), chosen.arg() == null ? "" : chosen.arg());
        });
    }

    private List<OutboundMessage> onText(String text) {
        if (TypedCommand.of(text) == TypedCommand.LANGUAGE) {
            return engine.language(cause, TypedCommand.languageArgument(text), confirmation -> Optional.empty());
        }
        Optional<MediatorCommand.Invocation> invocation = MediatorCommand.parse(text);
        if (invocation.isEmpty() && MediatorCommand.isCommand(text)) {
            return ConversationEngine.reply(message.from(), messages(), help(messages().get("mediator.unknown-command", text.split("\\s", 2)[0])));
        }
        if (invocation.isPresent()) {
            MediatorCommand.Invocation typed = invocation.get();
            switch (typed.command()) {
                case HELP -> {
                    return ConversationEngine.reply(message.from(), messages(), help(null));
                }
                case QUEUE -> {
                    return queue();
                }
                case CLAIM -> {
                    return claim(typed.argument());
                }
                default -> {
                    // acts on the dispute in view, below
                }
            }
        }
        Optional<DisputeId> focus = message.dispute() != null ? Optional.of(message.dispute())
                : store.focusOf(message.from().identity());
        if (focus.isEmpty()) {
            return ConversationEngine.reply(message.from(), messages(), messages().get("mediator.no-focus", prefix() + "claim"));
        }
        if (invocation.isEmpty() && message.hasFiles()) {
            return withFiles(focus.get(), text);
        }
        return engine.runTurn(focus.get(), cause, actor, turn -> {
            if (!holds(turn)) {
                return;
            }
            if (invocation.isEmpty()) {
                turn.recordInbound(text);
                turn.relayFromMediator(text, null);
            } else {
                run(turn, invocation.get().command(), invocation.get().argument());
            }
        });
    }

    /**
     * Files the holding mediator sends about the dispute in view: kept as evidence (only while they hold
     * it, so nothing is kept that the turn then refuses), given to both parties, the caption relayed.
     */
    private List<OutboundMessage> withFiles(DisputeId id, String text) {
        EvidenceIntake evidence = engine.evidence();
        Optional<Dispute> held = store.load(id).map(StoredDispute::dispute)
                .filter(d -> d.mediator().filter(actor.identity()::equals).isPresent());
        if (evidence == null || held.isEmpty()) {
            return engine.runTurn(id, cause, actor, turn -> {
                if (holds(turn)) {
                    turn.reply(messages().get("evidence.unavailable", message.files().stream()
                            .map(IncomingFile::name).collect(Collectors.joining(", "))));
                }
            });
        }
        List<EvidenceIntake.Result> results = evidence.take(held.get(), new EvidenceIntake.Sender(actor.identity(),
                Role.MEDIATOR), message.files(), "", message.deliveryId());
        return engine.runTurn(id, cause, actor, turn -> {
            if (!holds(turn)) {
                return;
            }
            turn.recordEvidence(results, evidence.limits());
            if (!text.isBlank()) {
                turn.recordInbound(text);
                turn.relayFromMediator(text, null);
            }
        });
    }

    /** {@code /claim <dispute>}: the dispute may be named by the message's thread instead. */
    private List<OutboundMessage> claim(String argument) {
        Optional<DisputeId> id = argument.isEmpty() ? Optional.ofNullable(message.dispute()) : parseDispute(argument);
        if (id.isEmpty()) {
            return ConversationEngine.reply(message.from(), messages(), wrongArgument(MediatorCommand.CLAIM, null));
        }
        return engine.runTurn(id.get(), cause, actor, turn -> run(turn, MediatorCommand.CLAIM, ""));
    }

    private static Optional<DisputeId> parseDispute(String text) {
        try {
            return Optional.of(new DisputeId(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this mediator holds the dispute; if not, they are told in one line who does, or that it
     * waits to be claimed, and nothing else (no other mediator's buttons).
     */
    private boolean holds(Turn turn) {
        Dispute d = turn.dispute();
        Optional<String> holder = d.mediator();
        if (holder.filter(actor.identity()::equals).isPresent()) {
            return true;
        }
        if (holder.isPresent()) {
            turn.reply(messages().get("mediator.held-by", d.id(), prompts().mediatorName(holder.get())), List.of());
        } else if (d.awaitsMediator()) {
            turn.reply(messages().get("mediator.not-claimed", d.id()), prompts().forMediator(d).options());
        } else {
            turn.reply(messages().get("mediator.not-handed-off", d.id(), messages().get("step." + d.step())), List.of());
        }
        return false;
    }

    /** One command from the table, with its argument as typed or as the button carries it. */
    private void run(Turn turn, MediatorCommand command, String argument) {
        Dispute d = turn.dispute();
        switch (command) {
            case SUMMARY -> turn.reply(summary(d), prompts().forMediator(d).options());
            case TIMELINE -> {
                List<String> lines = prompts().timelineLines(store.timeline(d.id()));
                page(turn, command, argument, lines.size(), page -> lines);
            }
            case TRANSCRIPT -> page(turn, command, argument,
                    Math.min(store.transcriptSize(d.id()), (long) MAX_TRANSCRIPT_PAGES * PAGE_SIZE),
                    page -> prompts().transcriptLines(store.transcript(d.id(), page * PAGE_SIZE)));
            case TO -> relayTo(turn, argument);
            case HELP, QUEUE -> turn.reply(help(null), List.of());
            default -> commandOf(command, argument, d).ifPresentOrElse(c -> perform(turn, c),
                    () -> turn.reply(wrongArgument(command, d), List.of()));
        }
    }

    /** The procedure's command a table entry stands for, with its argument parsed; empty if it does not parse. */
    private Optional<Command> commandOf(MediatorCommand command, String argument, Dispute d) {
        Command base = Command.of(command.trigger().orElseThrow(), actor);
        String arg = argument.strip();
        return switch (command.argument()) {
            case NONE, DISPUTE -> Optional.of(base);
            case TEXT -> arg.isEmpty() ? Optional.empty() : Optional.of(base.withText(arg));
            case AMOUNT -> Money.parse(arg, d.paid().currency()).map(base::withAmount);
            case DAYS -> number(arg).filter(days -> days >= 1 && days <= 365).map(base::withNumber);
            case TASK -> number(arg).filter(n -> d.tasks().stream().anyMatch(t -> t.number() == n)).map(base::withNumber);
            case PERSON -> person(arg).map(p -> base.withPerson(p.id()));
            case STEP -> step(arg).map(base::withStep);
            case PAGE, SIDE_AND_TEXT -> Optional.empty();
        };
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip().replaceFirst("^#", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> pageNumber(String text) {
        return text.isBlank() ? Optional.of(1) : number(text).filter(n -> n >= 1);
    }

    /** A person by marketplace id or by their name, as the mediator's buttons show it. */
    private Optional<Person> person(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Person> byId = marketplace.person(new PersonId(text));
            if (byId.isPresent()) {
                return byId;
            }
        } catch (IllegalArgumentException e) {
            // not an id: try it as a name
        }
        List<Person> named = marketplace.people().stream().filter(p -> p.name().equalsIgnoreCase(text)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** A step by the word the help shows ({@code terms}, {@code task-review}) or by its name as people read it. */
    private Optional<Step> step(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Step step : Step.values()) {
            if (stepWord(step).equals(wanted.replace(' ', '-').replace('_', '-'))
                    || messages().get("step." + step).equalsIgnoreCase(wanted)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** What a mediator types for a step after {@code /handback}. */
    static String stepWord(Step step) {
        return step.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Applies a mediator's command; a claim brings the short summary and the ways to read more. */
    private void perform(Turn turn, Command command) {
        if (command.trigger() == com.disputeassistant.procedure.Trigger.CLAIM) {
            Transition claim = turn.apply(procedure, command);
            Dispute d = turn.dispute();
            if (claim.applied()) {
                List<ReplyOption> options = new ArrayList<>(prompts().forMediator(d).options());
                options.addAll(readingOptions(d, null, 0));
                turn.reply(messages().get("mediator.claimed", d.id(), summary(d), prompts().forMediator(d).text()), options);
            } else if (d.mediator().isPresent()) {
                // Lost a race for the claim: one clear line, and none of the holder's buttons.
                turn.reply(messages().get("mediator.held-by", d.id(), prompts().mediatorName(d.mediator().get())), List.of());
            } else {
                turn.reply(messages().get("mediator.not-handed-off", d.id(), messages().get("step." + d.step())), List.of());
            }
            return;
        }
        Transition transition = turn.apply(procedure, command);
        transition.refused().ifPresent(refusal -> turn.reply(turn.explain(refusal)
                + refusalHint(command, turn.dispute()), prompts().forMediator(turn.dispute()).options()));
    }

    /** What to do instead, where a refusal alone would leave the mediator guessing. */
    private String refusalHint(Command command, Dispute d) {
        if (command.trigger() == com.disputeassistant.procedure.Trigger.HAND_BACK) {
            return " " + messages().get("mediator.handback.accepts", stepList(d));
        }
        return "";
    }

    private String stepList(Dispute d) {
        return resumableSteps(d).stream()
                .map(step -> messages().get("mediator.step-choice", prefix() + "handback " + stepWord(step),
                        messages().get("step." + step)))
                .collect(Collectors.joining(", "));
    }

    /** The steps a hand-back is offered at: see {@link Prompts#resumableSteps}. */
    private List<Step> resumableSteps(Dispute d) {
        return prompts().resumableSteps(d);
    }

    /** {@code /to client <text>} or {@code /to expert <text>}: the mediator talks to one side only. */
    private void relayTo(Turn turn, String argument) {
        String[] parts = argument.split("\\s+", 2);
        Role to = switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "client" -> Role.CLIENT;
            case "expert" -> Role.EXPERT;
            default -> null;
        };
        if (to == null || parts.length < 2 || parts[1].isBlank()) {
            turn.reply(wrongArgument(MediatorCommand.TO, turn.dispute()), List.of());
            return;
        }
        turn.recordInbound(argument);
        turn.relayFromMediator(parts[1].strip(), to);
    }

    /** The short summary a claim brings, and {@code /summary} shows again. */
    private String summary(Dispute d) {
        return prompts().summary(d);
    }

    /**
     * One page of the timeline or the transcript, newest first, with a button for the next older page.
     * {@code newest} gives at least the newest {@code page * PAGE_SIZE} of the {@code total} lines, oldest
     * first, so that a long transcript is read only as far back as the page shown.
     */
    private void page(Turn turn, MediatorCommand command, String argument, long total,
                      IntFunction<List<String>> newest) {
        Dispute d = turn.dispute();
        Optional<Integer> wanted = pageNumber(argument);
        if (wanted.isEmpty()) {
            turn.reply(wrongArgument(command, d), List.of());
            return;
        }
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(wanted.get(), pages);
        List<String> lines = newest.apply(page);
        int end = Math.max(0, lines.size() - (page - 1) * PAGE_SIZE);
        List<String> shown = lines.subList(Math.max(0, end - PAGE_SIZE), end);
        String body = shown.isEmpty() ? messages().get(command == MediatorCommand.TIMELINE ? "timeline.none" : "transcript.none")
                : String.join("\n", shown);
        String title = messages().get("mediator.page." + command.name(), d.id(), page, pages);
        turn.reply(title + "\n" + body, readingOptions(d, command, page < pages ? page + 1 : 0));
    }

    /** The buttons to read more: the next older page of what is shown ({@code 0}: none), then each of the three. */
    private List<ReplyOption> readingOptions(Dispute d, MediatorCommand shown, int olderPage) {
        List<ReplyOption> options = new ArrayList<>();
        if (olderPage > 1) {
            options.add(option(d, shown, olderPage, "option.mediator.older"));
        }
        options.add(option(d, MediatorCommand.TIMELINE, 1, "option.mediator.TIMELINE"));
        options.add(option(d, MediatorCommand.TRANSCRIPT, 1, "option.mediator.TRANSCRIPT"));
        options.add(option(d, MediatorCommand.SUMMARY, null, "option.mediator.SUMMARY"));
        return options;
    }

    private ReplyOption option(Dispute d, MediatorCommand command, Object arg, String labelKey) {
        return new ReplyOption(OptionId.dispute(d.id(), d.stepSeq(), command.action(), arg), messages().get(labelKey));
    }

    /** The hand-offs nobody has claimed, longest waiting first, each with its Claim button. */
    private List<OutboundMessage> queue() {
        List<String> lines = new ArrayList<>();
        List<ReplyOption> claims = new ArrayList<>();
        for (DisputeId id : store.mediatorQueue()) {
            Optional<Dispute> queued = store.load(id).map(StoredDispute::dispute).filter(Dispute::awaitsMediator);
            queued.ifPresent(d -> {
                Prompts.Prompt claim = prompts().forMediator(d);
                lines.add(messages().get("mediator.queue.line", d.id(), d.order().id(), d.order().title(),
                        prompts().when(d.handedOffAt().orElse(d.openedAt())), prompts().handoffText(d)));
                claims.addAll(claim.options().stream()
                        .map(o -> new ReplyOption(o.id(), o.label() + " " + d.id())).toList());
            });
        }
        String text = lines.isEmpty() ? messages().get("mediator.queue.empty")
                : messages().get("mediator.queue", String.join("\n", lines));
        return List.of(new OutboundMessage(message.from(), text, claims));
    }

    // ---- the help, generated from the table ----

    /** Where the platform keeps {@code /} for its own commands (Slack), mediators write {@code !}. */
    private String prefix() {
        return prefixFor(message.from());
    }

    static String prefixFor(Address address) {
        return "slack".equals(address.channel()) ? "!" : "/";
    }

    private String wrongArgument(MediatorCommand command, Dispute d) {
        String usage = usage(command, prefix());
        String accepts = command == MediatorCommand.HANDBACK && d != null
                ? " " + messages().get("mediator.handback.accepts", stepList(d)) : "";
        return messages().get("mediator.wrong-argument", usage) + accepts;
    }

    private String usage(MediatorCommand command, String prefix) {
        return usage(messages(), command, prefix);
    }

    static String usage(Messages messages, MediatorCommand command, String prefix) {
        String args = command.argument() == MediatorCommand.Argument.NONE ? ""
                : " " + messages.get("mediator.argument." + command.argument());
        return prefix + command.word() + args + " — " + messages.get("mediator.command." + command.name());
    }

    /** Every command with its argument and what it does, in the table's order; {@code lead} first, if any. */
    private String help(String lead) {
        return help(messages(), prefix(), lead);
    }

    static String help(Messages messages, String prefix, String lead) {
        StringBuilder help = new StringBuilder();
        if (lead != null) {
            help.append(lead).append("\n\n");
        }
        help.append(messages.get("mediator.help"));
        for (MediatorCommand command : MediatorCommand.values()) {
            help.append("\n").append(usage(messages, command, prefix));
        }
        return help.toString();
    }
}
