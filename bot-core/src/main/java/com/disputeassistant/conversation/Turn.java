package com.disputeassistant.conversation;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.EvidenceItem;
import com.disputeassistant.evidence.EvidenceLimits;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.procedure.Actor;
import com.disputeassistant.procedure.Command;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.procedure.Refusal;
import com.disputeassistant.procedure.Transition;
import com.disputeassistant.procedure.Trigger;
import com.disputeassistant.store.Change;
import com.disputeassistant.store.StoredDispute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One turn on one dispute: what the procedure applied, and the messages it produced for each person,
 * gathered into at most one message per person. Becomes one {@link Change} if anything changed.
 */
final class Turn {
    private final Dispute dispute;
    private final long version;
    private final Address from;
    private final Actor actor;
    private final Instant now;
    private final Marketplace marketplace;
    /** Who speaks which language: every message is built in its recipient's. */
    private final Audience audience;
    /** The actor's prompts and texts, in the actor's language. */
    private final Prompts prompts;
    private final Messages messages;
    private final ProcedureSettings settings;
    /** Where the parties last wrote to the bot from, loaded with the dispute. */
    private final Map<PersonId, Address> lastAddresses;
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final List<TranscriptEntry> inbound = new ArrayList<>();
    private final Map<Address, Draft> drafts = new LinkedHashMap<>();
    private boolean changed;

    /**
     * Parts of the one message a person gets this turn; the latest options win. Two parts often open
     * with the same sentence (a notice "Bob delivered again." and the prompt that starts with it): the
     * sentences a later part opens with that the message already says are left out, so nobody reads one
     * twice. Relayed words are the sender's and are passed on as written.
     */
    private static final class Draft {
        private static final int SHORTEST_DROPPED = 8;

        private final StringBuilder text = new StringBuilder();
        private final Set<String> sentences = new HashSet<>();
        private List<ReplyOption> options = List.of();
        /** Evidence files delivered with the message, each once. */
        private final Set<EvidenceRef> attachments = new LinkedHashSet<>();

        void add(String part, List<ReplyOption> newOptions) {
            addPart(part == null ? null : withoutRepeatedSentences(part), newOptions);
        }

        /** Adds someone's own words, unchanged. */
        void addVerbatim(String part, List<ReplyOption> newOptions) {
            addPart(part, newOptions);
        }

        private void addPart(String part, List<ReplyOption> newOptions) {
            if (part != null && !part.isBlank()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(part);
            }
            if (newOptions != null) {
                options = newOptions;
            }
        }

        /**
         * The part without the sentences it opens with that an earlier part already said. Only the
         * opening: a part that quotes earlier messages (a transcript) keeps everything after its first
         * new sentence, and repeats within one part are the part's own business.
         */
        private String withoutRepeatedSentences(String part) {
            // A sentence ends with . ! or ? before a space, a line break or the end; list lines don't count.
            Sentences sentence = new Sentences(part);
            int keptFrom = 0;
            boolean opening = true;
            List<String> said = new ArrayList<>();
            int previousEnd = 0;
            while (sentence.find()) {
                // Only whole sentences: one that starts the part, a line, or right after another sentence.
                int start = sentence.start();
                if (start != previousEnd && part.charAt(start - 1) != '\n') {
                    opening = false;
                    continue;
                }
                previousEnd = sentence.end();
                String one = sentence.group().strip();
                if (opening && one.length() >= SHORTEST_DROPPED && sentences.contains(one)) {
                    keptFrom = sentence.end();
                } else {
                    opening = false;
                }
                said.add(one);
            }
            sentences.addAll(said);
            return keptFrom == 0 ? part : part.substring(keptFrom).strip();
        }
    }

    Turn(StoredDispute stored, Address from, Actor actor, Instant now, Marketplace marketplace,
         Audience audience, ProcedureSettings settings) {
        this.dispute = stored.dispute();
        this.version = stored.version();
        this.lastAddresses = stored.lastAddresses();
        this.from = from;
        this.actor = actor;
        this.now = now;
        this.marketplace = marketplace;
        this.audience = audience;
        this.prompts = audience.prompts(from);
        this.messages = prompts.messages();
        this.settings = settings;
    }

    Dispute dispute() {
        return dispute;
    }

    Instant now() {
        return now;
    }

    boolean changed() {
        return changed;
    }

    // ---- applying ----

    /** Applies a command; on success records it and tells everyone concerned. */
    Transition apply(Procedure procedure, Command command) {
        String heldBy = dispute.mediator().orElse(null);
        Transition transition = procedure.apply(dispute, command, now);
        if (transition.applied()) {
            changed = true;
            timeline.add(transition.entry());
            announce(transition, command, heldBy);
        }
        return transition;
    }

    /** Applies a person's command; a refusal is explained to them with their current options. */
    Transition perform(Procedure procedure, Command command) {
        Transition transition = apply(procedure, command);
        transition.refused().ifPresent(refusal -> refuse(explain(refusal)));
        return transition;
    }

    void refuse(String why) {
        replyWithPrompt(why);
    }

    String explain(Refusal refusal) {
        // People read step names and names, never a step's or a channel identity's raw form.
        Object[] args = refusal.args().stream()
                .map(arg -> arg instanceof Step step ? messages.get("step." + step)
                        : arg instanceof String text && ChannelIdentity.parse(text).isPresent() ? prompts.mediatorName(text)
                        : arg).toArray();
        return messages.get(refusal.key(), args);
    }

    Prompts.Prompt promptForActor() {
        if (actor.mediator()) {
            return prompts.forMediator(dispute);
        }
        if (dispute.isClosed()) {
            return new Prompts.Prompt(prompts.outcome(dispute), menuOption());
        }
        return prompts.forParty(dispute, actor.person());
    }

    /** Tells the actor something, if {@code lead} is given, then where the dispute stands and their options. */
    void replyWithPrompt(String lead) {
        Prompts.Prompt prompt = promptForActor();
        // A deadline that passed earlier in this turn may already have shown the prompt: don't repeat it.
        boolean shown = from != null && drafts.containsKey(from) && drafts.get(from).text.indexOf(prompt.text()) >= 0;
        if (!shown) {
            reply(lead == null ? prompt.text() : lead + "\n\n" + prompt.text(), prompt.options());
        } else if (lead != null) {
            reply(lead, prompt.options());
        }
    }

    void reply(String text) {
        reply(text, null);
    }

    void reply(String text, List<ReplyOption> options) {
        if (from != null) {
            draft(from).add(text, options);
        }
    }

    /** A mediator opened this dispute from a list: show it and point their free text at it. */
    void replyToMediator() {
        replyWithPrompt(prompts.summary(dispute));
        focusHere();
    }

    /** The person chose this dispute: their next free text is about it, so the focus is committed. */
    void focusHere() {
        changed = true;
    }

    void rememberSender(PersonId person) {
        if (from != null && !dispute.contact(person).filter(from::equals).isPresent()) {
            dispute.rememberContact(person, from);
        }
    }

    void recordInbound(String text) {
        inbound.add(new TranscriptEntry(now, actor.identity(), "bot", text));
    }

    // ---- evidence ----

    /**
     * Records what became of the files and links the actor sent (kept before this turn by the {@link
     * EvidenceIntake}): each kept item in the timeline, each item acknowledged or refused with the reason to
     * the sender, and each kept item passed on where the procedure shares it ({@link
     * EvidenceItem#sharedWithParties()}: to the other party; everything to the mediator who holds the dispute;
     * a mediator's to both parties), files as attachments the channels deliver as files.
     */
    void recordEvidence(List<EvidenceIntake.Result> results, EvidenceLimits limits) {
        for (EvidenceIntake.Result result : results) {
            if (result instanceof EvidenceIntake.Result.Refused refused) {
                reply(messages.get("evidence.refused." + refused.reason(), refused.name(),
                        EvidenceLimits.readable(limits.maxFileBytes()), String.join(", ", limits.allowedNames()),
                        EvidenceLimits.readable(limits.maxDisputeBytes())));
                continue;
            }
            EvidenceItem item = ((EvidenceIntake.Result.Kept) result).item();
            changed = true;
            timeline.add(new TimelineEntry(now, actor.identity(), dispute.step(), dispute.step(), "evidence " + item.id()
                    + ": " + item.name() + " (" + item.mediaType() + ", " + item.size() + " bytes, SHA-256 "
                    + item.sha256() + ")" + (item.afterDecision() ? ", after the decision" : "")));
            String size = EvidenceLimits.readable(item.size());
            reply(!item.isFile() ? messages.get("evidence.link-added", item.name())
                    : messages.get(item.afterDecision() ? "evidence.added.after-decision" : "evidence.added", item.name(), size));
            for (Address to : evidenceRecipients(item)) {
                Messages theirs = audience.messages(to);
                String sender = actor.mediator() ? prompts.mediatorName(actor.identity()) : prompts.name(actor.person());
                Draft draft = draft(to);
                if (item.isFile()) {
                    draft.addVerbatim(theirs.get(item.afterDecision() ? "evidence.shared.after-decision" : "evidence.shared",
                            sender, item.name(), size), null);
                    draft.attachments.add(item.ref());
                } else {
                    draft.addVerbatim(theirs.get("evidence.shared.link", sender, item.name()), null);
                }
            }
        }
    }

    /** Who else receives an item the actor sent now: see {@link #recordEvidence}. */
    private List<Address> evidenceRecipients(EvidenceItem item) {
        List<Address> to = new ArrayList<>();
        if (actor.mediator() || item.sharedWithParties()) {
            for (PersonId party : currentParties()) {
                if (!party.equals(actor.person())) {
                    to.addAll(addressesOf(party));
                }
            }
        }
        if (!actor.mediator()) {
            dispute.mediator().flatMap(ChannelIdentity::parse).ifPresent(mediator -> to.add(Address.of(mediator)));
        }
        return to;
    }

    /**
     * A replacement expert's hand-over: the files of the description and the tasks go with it, under their
     * names; who sent them stays out, as the text hand-over carries no contact data.
     */
    void attachHandOver(List<EvidenceItem> items) {
        List<EvidenceItem> files = items.stream().filter(EvidenceItem::isFile)
                .filter(item -> item.role() != Role.MEDIATOR && item.sharedWithParties()).toList();
        if (files.isEmpty() || dispute.step() != Step.REPLACEMENT) {
            return;
        }
        for (Address to : addressesOf(dispute.workingExpert())) {
            Draft draft = draft(to);
            draft.addVerbatim(audience.messages(to).get("evidence.handover", files.stream()
                    .map(f -> f.name() + " (" + EvidenceLimits.readable(f.size()) + ")")
                    .collect(java.util.stream.Collectors.joining(", "))), null);
            files.forEach(f -> draft.attachments.add(f.ref()));
        }
    }

    /** A mediator who takes the dispute over receives every file kept so far: they see everything. */
    void attachForMediator(List<EvidenceItem> items) {
        List<EvidenceItem> files = items.stream().filter(EvidenceItem::isFile).toList();
        Optional<ChannelIdentity> mediator = dispute.mediator().flatMap(ChannelIdentity::parse);
        if (files.isEmpty() || mediator.isEmpty()) {
            return;
        }
        Address to = from != null && from.identity().equals(mediator.get()) ? from : Address.of(mediator.get());
        Draft draft = draft(to);
        draft.addVerbatim(audience.messages(to).get("evidence.for-mediator", files.stream()
                .map(f -> f.name() + " (" + EvidenceLimits.readable(f.size()) + ")")
                .collect(java.util.stream.Collectors.joining(", "))), null);
        files.forEach(f -> draft.attachments.add(f.ref()));
    }

    // ---- relaying ----

    /**
     * Talking it out: the bot passes a party's words to the other party, and tells the sender it did.
     * A relayed line carries no buttons: nothing changed, and the buttons of the last prompt still work.
     */
    void relayToOtherParty(PersonId sender, String text) {
        PersonId other = sender.equals(dispute.client()) ? dispute.workingExpert() : dispute.client();
        String relayed = audience.messages(other).get("relay.from", prompts.name(sender), text);
        addressesOf(other).forEach(address -> draft(address).addVerbatim(relayed, null));
        reply(messages.get("ack.relay", prompts.name(other)));
        changed = true;
    }

    /**
     * While a mediator holds the dispute, parties talk to the mediator (a relayed line, no buttons: the
     * mediator's buttons came with the latest message that changed them); before that, the words wait in
     * the transcript for whoever claims it. Either way the sender is told.
     */
    void relayToMediator(PersonId sender, String text) {
        Optional<ChannelIdentity> mediator = dispute.mediator().flatMap(ChannelIdentity::parse);
        if (mediator.isPresent()) {
            Address to = Address.of(mediator.get());
            draft(to).addVerbatim(audience.messages(to).get("relay.from", prompts.name(sender), text), null);
            reply(messages.get("ack.relay", prompts.mediatorName(mediator.get())));
        } else {
            replyWithPrompt(messages.get("ack.relay.queued"));
        }
        changed = true;
    }

    /** Passes the holding mediator's message to one side ({@code to}) or, when null, to both parties. */
    void relayFromMediator(String text, Role to) {
        List<PersonId> recipients = new ArrayList<>();
        for (PersonId party : currentParties()) {
            if (to == null || party.equals(to == Role.CLIENT ? dispute.client() : dispute.workingExpert())) {
                recipients.add(party);
            }
        }
        for (PersonId party : recipients) {
            String relayed = audience.messages(party).get("mediator.relay", prompts.mediatorName(actor.identity()), text);
            addressesOf(party).forEach(address -> draft(address).addVerbatim(relayed, null));
        }
        String names = recipients.stream().map(prompts::name)
                .collect(java.util.stream.Collectors.joining(messages.get("general.and")));
        reply(messages.get("mediator.relayed", names));
        changed = true;
    }

    /**
     * Sends the reminders that are due (several due at once make one): to each party the step waits
     * for, on the channel they last used, with their prompt and what happens at the deadline. A party
     * who has answered is not waited for any more, so is not reminded.
     */
    void remindIfDue() {
        if (dispute.isClosed() || !dispute.takeDueReminders(now)) {
            return;
        }
        changed = true;
        Optional<ChannelIdentity> holder = dispute.mediator().flatMap(ChannelIdentity::parse);
        if (holder.isPresent()) {
            // A claimed dispute waits on its mediator: only they are reminded, before it goes back to the queue.
            Prompts theirs = audience.prompts(Address.of(holder.get()));
            Prompts.Prompt prompt = theirs.forMediator(dispute);
            draft(Address.of(holder.get())).add(theirs.text("mediator.reminder", dispute.id(),
                    dispute.order().title(), prompt.text()), prompt.options());
            return;
        }
        if (dispute.awaitsMediator()) {
            // A hand-off nobody has claimed yet: every mediator hears of it again, until one claims it.
            dispute.remindAgainAt(now.plus(settings.reannounceAfter()));
            settings.mediators().forEach(mediator -> {
                Prompts theirs = audience.prompts(Address.of(mediator));
                Prompts.Prompt claim = theirs.forMediator(dispute);
                String again = theirs.text("mediator.reannounce", dispute.id(),
                        theirs.when(dispute.handedOffAt().orElse(now)), claim.text());
                draft(Address.of(mediator)).add(again, claim.options());
            });
            return;
        }
        for (PersonId party : currentParties()) {
            if (!prompts.awaits(dispute, party)) {
                continue;
            }
            Prompts theirs = audience.prompts(party);
            Prompts.Prompt prompt = theirs.forParty(dispute, party);
            String outcome = theirs.text("reminder.outcome." + dispute.step());
            String reminder = theirs.text("reminder", dispute.id(), dispute.order().title(), prompt.text(), outcome);
            addressesOf(party).forEach(to -> draft(to).add(reminder, prompt.options()));
        }
    }

    // ---- announcing what happened ----

    private void announce(Transition transition, Command command, String heldBy) {
        // The command's actor, not the turn's: a deadline applied at the start of a turn is the bot's doing.
        Actor actor = command.actor();
        String expiredHold = heldBy != null && transition.trigger() == Trigger.DEADLINE_PASSED ? heldBy : null;
        boolean stepChanged = transition.changedStep();

        List<PersonId> recipients = dispute.step() == Step.INTAKE ? List.of(dispute.openedBy()) : currentParties();
        for (PersonId party : recipients) {
            boolean isActor = party.equals(actor.person());
            // Each in their own language: the actor in the one they wrote in, the others in theirs.
            Prompts theirs = isActor && from != null ? prompts : audience.prompts(party);
            String head = isActor ? ackText(transition, command, theirs)
                    : noticeFor(transition, command, theirs, expiredHold);
            if (!isActor && !stepChanged && head == null) {
                continue;
            }
            Prompts.Prompt prompt = dispute.isClosed()
                    ? new Prompts.Prompt(theirs.outcome(dispute), menuOption(theirs))
                    : theirs.forParty(dispute, party);
            List<Address> addresses = isActor && from != null ? List.of(from) : addressesOf(party);
            for (Address to : addresses) {
                draft(to).add(head, null);
                draft(to).add(prompt.text(), prompt.options());
            }
        }
        announceToMediators(transition, command, actor, expiredHold);
    }

    /** Who did it, as people read it: a party's or a mediator's name, or the assistant itself. */
    private String actorName(Actor actor, Prompts in) {
        if (actor.person() != null) {
            return prompts.name(actor.person());
        }
        return actor.mediator() ? prompts.mediatorName(actor.identity()) : in.text("general.assistant");
    }

    /** The arguments of a notice or an acknowledgement, in the language of the one who reads it. */
    private Object[] noticeArgs(Transition transition, Command command, Prompts in) {
        return new Object[] {actorName(command.actor(), in), detail(transition, command, in), otherPartyName(command.actor())};
    }

    /** What the others hear of a command, in their language: that a mediator's time ran out, or the notice. */
    private String noticeFor(Transition transition, Command command, Prompts in, String expiredHold) {
        return expiredHold != null ? in.text("notice.mediator-expired", in.mediatorName(expiredHold))
                : noticeText(command.trigger(), in, noticeArgs(transition, command, in));
    }

    /**
     * What the actor hears: {@code ack.TRIGGER}, or {@code ack.TRIGGER.STEP} when the action took the
     * dispute to a step that needs its own words (a request for more time over the cap stalls the rework),
     * or {@code ack.MARK_TASK_DONE.undone} when the press took a tick back.
     */
    private String ackText(Transition transition, Command command, Prompts in) {
        Messages messages = in.messages();
        Object[] args = noticeArgs(transition, command, in);
        String key = "ack." + command.trigger();
        if (transition.changedStep() && messages.has(key + "." + transition.to())) {
            key = key + "." + transition.to();
        } else if (command.trigger() == Trigger.MARK_TASK_DONE && dispute.tasks().stream()
                .anyMatch(task -> task.number() == command.number() && !task.doneClaimed())) {
            key = key + ".undone";
        }
        return messages.has(key) ? messages.get(key, args) : null;
    }

    /** {@code expiredHold}: the mediator whose claim on the dispute just ran out, if that is what happened. */
    private void announceToMediators(Transition transition, Command command, Actor actor, String expiredHold) {
        if (actor.mediator() && transition.trigger() != Trigger.CLAIM) {
            // What the mediator can do changed with their action: their buttons come once, on this message.
            Prompts.Prompt prompt = prompts.forMediator(dispute);
            String ack = ackText(transition, command, prompts);
            reply(ack == null ? prompt.text() : ack + "\n\n" + prompt.text(), prompt.options());
        }
        Optional<ChannelIdentity> holder = dispute.mediator().flatMap(ChannelIdentity::parse);
        if (!actor.mediator() && holder.isPresent()) {
            Prompts theirs = audience.prompts(Address.of(holder.get()));
            String notice = noticeFor(transition, command, theirs, expiredHold);
            if (notice != null) {
                // A party's action only changes the mediator's buttons when it changes the step.
                draft(Address.of(holder.get())).add(notice,
                        transition.changedStep() ? theirs.forMediator(dispute).options() : null);
            }
        }
        boolean backInQueue = transition.trigger() == Trigger.RELEASE || expiredHold != null;
        if ((transition.changedStep() || backInQueue) && dispute.awaitsMediator()) {
            // Hand-off: every allow-listed mediator hears of it, with a button to claim it.
            // The same words for every mediator of a language, the one whose time ran out included, so a room
            // posts them once (per language its mediators read).
            settings.mediators().stream().filter(mediator -> !mediator.toString().equals(actor.identity()))
                    .forEach(mediator -> {
                        Prompts theirs = audience.prompts(Address.of(mediator));
                        Prompts.Prompt prompt = theirs.forMediator(dispute);
                        String why = expiredHold == null ? null : theirs.text("mediator.expired", dispute.id(),
                                theirs.mediatorName(expiredHold), theirs.duration(settings.deadlineOf(Step.MEDIATION)));
                        draft(Address.of(mediator)).add(why, null);
                        draft(Address.of(mediator)).add(prompt.text(), prompt.options());
                    });
        }
        if (transition.changedStep() && dispute.step() == Step.STALLED) {
            // A stalled rework is brought to a mediator's attention without anyone chasing.
            settings.mediators().forEach(mediator -> {
                Prompts theirs = audience.prompts(Address.of(mediator));
                String stalled = theirs.text("notice.mediators.stalled", dispute.id(), dispute.order().id(),
                        theirs.stallText(dispute));
                draft(Address.of(mediator)).add(stalled, List.of());
            });
        }
    }

    private String noticeText(Trigger trigger, Prompts in, Object[] args) {
        Messages messages = in.messages();
        if (trigger == Trigger.DESCRIBE) {
            return messages.get("notice.DESCRIBE", args[0], dispute.id(), dispute.order().id(), dispute.order().title(),
                    dispute.reason().map(r -> messages.get("reason." + r)).orElse(""), dispute.description().orElse(""));
        }
        return messages.has("notice." + trigger) ? messages.get("notice." + trigger, args) : null;
    }

    private Object detail(Transition transition, Command command, Prompts in) {
        Messages messages = in.messages();
        return switch (command.trigger()) {
            case ADD_TASK -> dispute.tasks().get(dispute.tasks().size() - 1).number();
            case CHECK_TASK -> command.number() + " (" + messages.get("check." + command.verdict()) + ")";
            case GRANT_EXTENSION, DECLINE_EXTENSION, SET_DEADLINE ->
                    dispute.reworkDeadline().map(in::when).orElse("");
            case HAND_BACK -> messages.get("step." + transition.to());
            case DEADLINE_PASSED -> messages.get("step." + transition.from());
            case CHOOSE_SAME_EXPERT -> prompts.name(dispute.workingExpert());
            case ASSIGN_REPLACEMENT -> command.person() == null ? "" : prompts.name(command.person());
            case DEFINE_TERMS -> command.text();
            case PROPOSE_FEE, DECIDE_FEE -> command.amount();
            default -> command.number();
        };
    }

    private String otherPartyName(Actor actor) {
        if (actor.person() == null) {
            return "";
        }
        PersonId other = actor.person().equals(dispute.client()) ? dispute.workingExpert() : dispute.client();
        return prompts.name(other);
    }

    /** The client and the expert doing the work now; once closed, the original expert hears the outcome too. */
    private List<PersonId> currentParties() {
        List<PersonId> parties = new ArrayList<>(List.of(dispute.client(), dispute.workingExpert()));
        if (dispute.isClosed() && !dispute.originalExpert().equals(dispute.workingExpert())) {
            parties.add(dispute.originalExpert());
        }
        return parties;
    }

    /**
     * Where to reach a person this turn: the sender where they wrote from; anyone else where they last
     * wrote to the bot (any dispute), else where they last wrote in this dispute, else, before they have
     * ever written, on every identity the marketplace lists for them (or their preferred one).
     */
    private List<Address> addressesOf(PersonId person) {
        if (from != null && person.equals(actor.person())) {
            return List.of(from);
        }
        Address last = lastAddresses.get(person);
        if (last != null) {
            return List.of(last);
        }
        Optional<Address> known = dispute.contact(person);
        if (known.isPresent()) {
            return List.of(known.get());
        }
        return marketplace.contactsOf(person).stream().map(Address::of).toList();
    }

    private Draft draft(Address address) {
        return drafts.computeIfAbsent(address, a -> new Draft());
    }

    private List<ReplyOption> menuOption() {
        return menuOption(prompts);
    }

    private static List<ReplyOption> menuOption(Prompts in) {
        return List.of(new ReplyOption(OptionId.MENU, in.text("option.menu")));
    }

    // ---- results ----

    List<OutboundMessage> outbound() {
        Map<Address, TextAnswer> awaited = awaitedTextByAddress();
        List<OutboundMessage> out = new ArrayList<>(drafts.size());
        drafts.forEach((address, draft) -> {
            if (!draft.text.isEmpty()) {
                out.add(new OutboundMessage(address, draft.text.toString(), draft.options, awaited.get(address),
                        dispute.id(), takesText(address), audience.of(address.identity()),
                        List.copyOf(draft.attachments)));
            }
        });
        return out;
    }

    /**
     * Whether what this recipient writes next is text to the dispute rather than a pick by number: a
     * mediator's words and commands, and a party's words while the step passes them on.
     */
    private boolean takesText(Address address) {
        if (settings.isMediator(address.identity())) {
            return true;
        }
        return switch (dispute.step()) {
            case TALKING, REWORK, MEDIATION -> true;
            default -> false;
        };
    }

    /** Where the parties who owe free text now are reached: their messages say so, for channels' forms. */
    private Map<Address, TextAnswer> awaitedTextByAddress() {
        Map<Address, TextAnswer> awaited = new HashMap<>();
        if (dispute.isClosed()) {
            return awaited;
        }
        for (PersonId party : currentParties()) {
            prompts.awaitedText(dispute, party).ifPresent(answer -> {
                addressesOf(party).forEach(address -> awaited.put(address, answer));
                if (from != null && party.equals(actor.person())) {
                    awaited.put(from, answer);
                }
            });
        }
        return awaited;
    }

    /**
     * The turn as one change to commit, with the messages it sends recorded in the transcript, and the
     * delivery id of the message behind the turn (null for a timer), which the store applies only once.
     */
    Change change(List<OutboundMessage> outbound, String inboundId) {
        List<TranscriptEntry> transcript = new ArrayList<>(inbound);
        transcript.addAll(transcriptOf(now, outbound));
        ChannelIdentity focus = from == null || actor.isBot() ? null : from.identity();
        return new Change(dispute, version, timeline, transcript, focus, inboundId, lastUsed());
    }

    /** A person's turn records where they wrote from: from now on the bot reaches them there. */
    private Change.LastUsed lastUsed() {
        return from == null || actor.person() == null ? null : new Change.LastUsed(actor.person(), from);
    }

    static List<TranscriptEntry> transcriptOf(Instant at, List<OutboundMessage> messages) {
        return messages.stream()
                .map(m -> new TranscriptEntry(at, "bot", m.to().identity().toString(), m.text()))
                .toList();
    }
}
