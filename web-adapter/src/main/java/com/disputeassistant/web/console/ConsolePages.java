package com.disputeassistant.web.console;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.MediatorCommand;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.inbound.ChatAnswer;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.language.Language;
import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.EvidenceItem;
import com.disputeassistant.evidence.EvidenceLimits;
import com.disputeassistant.web.EvidenceDownloads;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.web.WebInboxes;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's pages: the queue and the signed-in person's disputes, and a dispute's page with its
 * summary, timeline, transcript, a composer and the mediator's actions as forms.
 *
 * <p>Every action is written into the dispute's thread of the {@link ConsoleRoom} in the one mediator
 * vocabulary ({@link MediatorCommand}: {@code /claim}, {@code /fee 300}, {@code /to client ...}) and
 * handed to the one inbound path as the signed-in mediator's own identity; the engine decides, and its
 * answer (a confirmation or a refusal with the reason) is shown on the page. Nothing here changes a
 * dispute itself.
 */
@Controller
class ConsolePages {
    /** Lines of the timeline and the transcript per page. */
    static final int PAGE_SIZE = 20;
    /** The bot's latest answers to the mediator shown on a page. */
    static final int ANSWERS = 5;
    private static final int MAX_TEXT = 4_000;
    /** The commands a form may send: everything but reading, which the page itself shows. */
    private static final Set<MediatorCommand> ACTIONS = EnumSet.of(MediatorCommand.CLAIM, MediatorCommand.TERMS,
            MediatorCommand.IN, MediatorCommand.OUT, MediatorCommand.ASSIGN, MediatorCommand.DEADLINE,
            MediatorCommand.FEE, MediatorCommand.REFUND, MediatorCommand.RESOLVED, MediatorCommand.HANDBACK,
            MediatorCommand.RELEASE);
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f-]{36}(-\\d{1,4})?");

    private final StaffDirectory directory;
    private final ConsoleDisputes disputes;
    private final ChatInbound inbound;
    private final ConsoleRoom room;
    private final WebInboxes inboxes;
    private final ConversationEngine engine;
    private final Marketplace marketplace;
    private final MessageSource texts;
    private final Clock clock;
    private final Procedure procedure;
    private final EvidenceIntake evidence;
    private final EvidenceFiles evidenceFiles;

    ConsolePages(StaffDirectory directory, ConsoleDisputes disputes, ChatInbound inbound, ConsoleRoom room,
                 WebInboxes inboxes, ConversationEngine engine, Marketplace marketplace, MessageSource texts,
                 ObjectProvider<Clock> clock, ProcedureSettings settings, EvidenceIntake evidence,
                 EvidenceFiles evidenceFiles) {
        this.evidence = evidence;
        this.evidenceFiles = evidenceFiles;
        // Only to ask which steps a hand-back is accepted at: the engine applies the hand-back itself.
        this.procedure = new Procedure(settings);
        this.directory = directory;
        this.disputes = disputes;
        this.inbound = inbound;
        this.room = room;
        this.inboxes = inboxes;
        this.engine = engine;
        this.marketplace = marketplace;
        this.texts = texts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** One line of a list of disputes, as people read it. */
    record Line(String id, String order, String step, String holder, String waited, String age) {
    }

    @GetMapping("/console")
    String home(@RequestParam(name = "step", required = false) String step,
                @RequestParam(name = "age", required = false) String age,
                @RequestParam(name = "channel", required = false) String channel, Principal principal, Model model) {
        StaffMember member = member(principal);
        ListFilter filter = ListFilter.parse(step, age, channel);
        Instant now = clock.instant();
        model.addAttribute("member", member);
        model.addAttribute("queue", disputes.queue().stream().map(this::line).toList());
        model.addAttribute("mine", disputes.filtered(disputes.heldBy(member), filter, now).stream().map(this::line).toList());
        model.addAttribute("all", member.role() == StaffRole.SUPERVISOR
                ? disputes.filtered(disputes.open(), filter, now).stream().map(this::line).toList() : List.of());
        model.addAttribute("filter", filter);
        model.addAttribute("filterStep", filter.step().map(ListFilter::word).orElse(""));
        model.addAttribute("filterSteps", ListFilter.openSteps().stream()
                .map(s -> new Choice(ListFilter.word(s), engine.stepName(s, ConsoleTexts.requestLanguage()))).toList());
        model.addAttribute("filterAges", ListFilter.AGES);
        model.addAttribute("filterChannels", ListFilter.CHANNELS.stream()
                .map(c -> new Choice(c, channelName(c))).toList());
        model.addAttribute("liveQueue", "/console/events");
        model.addAttribute("queueVersion", disputes.queueVersion());
        model.addAttribute("answers", inboxes.latest(member.actsAs(), ANSWERS));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "console/home";
    }

    @GetMapping("/console/disputes/{id}")
    String dispute(@PathVariable("id") String id, @RequestParam(name = "timeline", defaultValue = "1") int timelinePage,
                   @RequestParam(name = "transcript", defaultValue = "1") int transcriptPage,
                   Principal principal, Model model) {
        StaffMember member = member(principal);
        Dispute dispute = readable(member, id);
        List<TimelineEntry> timeline = disputes.store().timeline(dispute.id());
        long transcriptSize = disputes.store().transcriptSize(dispute.id());
        int transcriptPages = pages(transcriptSize);
        int shownTranscript = Math.min(Math.max(1, transcriptPage), transcriptPages);
        // The newest page first: page n holds the n-th newest PAGE_SIZE lines.
        List<TranscriptEntry> newest = disputes.store().transcript(dispute.id(), shownTranscript * PAGE_SIZE);
        List<TranscriptEntry> transcript = newest.subList(0, Math.max(0, newest.size() - (shownTranscript - 1) * PAGE_SIZE));
        transcript = transcript.subList(Math.max(0, transcript.size() - PAGE_SIZE), transcript.size());
        int timelinePages = pages(timeline.size());
        int shownTimeline = Math.min(Math.max(1, timelinePage), timelinePages);
        int end = Math.max(0, timeline.size() - (shownTimeline - 1) * PAGE_SIZE);

        model.addAttribute("member", member);
        model.addAttribute("d", dispute);
        model.addAttribute("version", disputes.version(dispute));
        model.addAttribute("channels", channels(dispute));
        Language language = ConsoleTexts.requestLanguage();
        model.addAttribute("step", engine.stepName(dispute.step(), language));
        model.addAttribute("holder", dispute.mediator().map(this::mediatorName).orElse(null));
        model.addAttribute("mine", dispute.mediator().filter(member::is).isPresent());
        model.addAttribute("claimedElsewhere", dispute.mediator().filter(member::is)
                .filter(holder -> !holder.equals(member.actsAs().toString())).isPresent());
        model.addAttribute("client", name(dispute.client()));
        model.addAttribute("expert", name(dispute.workingExpert()));
        model.addAttribute("timeline", timeline.subList(Math.max(0, end - PAGE_SIZE), end).stream()
                .map(entry -> new TimelineLine(engine.when(entry.at(), language), actorName(entry.actor()),
                        engine.stepName(entry.to(), language))).collect(newestFirst()));
        model.addAttribute("timelinePage", shownTimeline);
        model.addAttribute("timelinePages", timelinePages);
        model.addAttribute("transcript", transcript.stream()
                .map(line -> new TimelineLine(engine.when(line.at(), language), actorName(line.from()) + " → " + actorName(line.to()),
                        line.text()))
                .collect(newestFirst()));
        model.addAttribute("deadline", dispute.stepDeadline().map(at -> engine.when(at, language)).orElse(null));
        model.addAttribute("transcriptPage", shownTranscript);
        model.addAttribute("transcriptPages", transcriptPages);
        model.addAttribute("evidence", evidence.items(dispute.id()).stream()
                .map(item -> evidenceLine(item, language)).toList());
        model.addAttribute("handBackSteps", handBackSteps(dispute));
        model.addAttribute("experts", experts(dispute));
        model.addAttribute("answers", inboxes.latest(member.actsAs(), ANSWERS));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "console/dispute";
    }

    /**
     * One piece of evidence as the dispute page lists it: who sent it, when, at which step, what it is, the
     * start of its SHA-256 (the whole in the title), and whether it came after the decision; {@code file} is
     * false for a link, which has nothing to download.
     */
    record EvidenceLine(String id, String who, String at, String step, String name, String type, String size,
                        String sha256, String shortHash, boolean afterDecision, boolean file) {
    }

    private EvidenceLine evidenceLine(EvidenceItem item, Language language) {
        return new EvidenceLine(item.id(), actorName(item.sender()), engine.when(item.at(), language),
                engine.stepName(item.step(), language), item.name(), item.mediaType(),
                EvidenceLimits.readable(item.size()), item.sha256(), item.sha256().substring(0, 12), item.afterDecision(),
                item.isFile());
    }

    /**
     * Downloads a piece of evidence of a dispute the signed-in mediator may read: served only as an
     * attachment, checked against its SHA-256 first ({@link EvidenceDownloads}).
     */
    @GetMapping("/console/disputes/{id}/evidence/{item}")
    ResponseEntity<?> evidence(@PathVariable("id") String id, @PathVariable("item") String item, Principal principal) {
        Dispute dispute = readable(member(principal), id);
        return evidence.find(dispute.id(), item).<ResponseEntity<?>>map(found -> EvidenceDownloads.serve(evidenceFiles, found))
                .orElseGet(() -> EvidenceDownloads.error(HttpStatus.NOT_FOUND, text("evidence.unknown")));
    }

    /** Who is on which channel: a party, their role and where the bot reaches them, or the mediator. */
    record ChannelLine(String who, String role, String channel) {
    }

    private List<ChannelLine> channels(Dispute dispute) {
        Map<PersonId, Address> reach = disputes.reach(List.of(dispute));
        List<ChannelLine> lines = new ArrayList<>();
        for (PersonId party : dispute.parties()) {
            String role = dispute.roleOf(party).map(r -> text("party." + r)).orElse("");
            lines.add(new ChannelLine(name(party), role, Optional.ofNullable(reach.get(party))
                    .map(at -> channelName(at.channel())).orElse(text("channels.not-yet"))));
        }
        dispute.mediator().flatMap(ChannelIdentity::parse).ifPresent(mediator -> lines.add(new ChannelLine(
                engine.mediatorName(mediator), text("channels.mediator"), channelName(mediator.channel()))));
        return lines;
    }

    /** A channel as people call it ({@code Slack}), from the bundle; one it does not know by its own name. */
    private String channelName(String channel) {
        return texts.getMessage("channel." + channel, null, channel, LocaleContextHolder.getLocale());
    }

    /** A line of the timeline (when, who, the step it moved to) or of the transcript (when, who to whom, what). */
    record TimelineLine(String at, String actor, String to) {
    }

    record Choice(String value, String label) {
    }

    /** A mediator action, as a form sends it: a command of the vocabulary and its argument. */
    @PostMapping("/console/disputes/{id}/act")
    String act(@PathVariable("id") String id, @RequestParam("command") String command,
               @RequestParam(name = "argument", defaultValue = "") String argument,
               @RequestParam("requestId") String requestId, Principal principal, RedirectAttributes flash) {
        StaffMember member = member(principal);
        DisputeId dispute = disputeId(id);
        Optional<MediatorCommand> chosen = MediatorCommand.parse("/" + command.strip())
                .map(MediatorCommand.Invocation::command).filter(ACTIONS::contains);
        if (chosen.isEmpty()) {
            return refuse(flash, dispute, "action.unknown");
        }
        if (argument.length() > MAX_TEXT) {
            return refuse(flash, dispute, "action.too-long");
        }
        String text = "/" + chosen.get().word() + (argument.isBlank() ? "" : " " + argument.strip());
        return send(member, dispute, text, requestId, flash);
    }

    /** The composer: to both parties, or to one. */
    @PostMapping("/console/disputes/{id}/say")
    String say(@PathVariable("id") String id, @RequestParam(name = "to", defaultValue = "both") String to,
               @RequestParam(name = "text", defaultValue = "") String text,
               @RequestParam("requestId") String requestId, Principal principal, RedirectAttributes flash) {
        StaffMember member = member(principal);
        DisputeId dispute = disputeId(id);
        String said = text.strip();
        if (said.isEmpty()) {
            return refuse(flash, dispute, "say.empty");
        }
        if (said.length() > MAX_TEXT) {
            return refuse(flash, dispute, "action.too-long");
        }
        String message = switch (to) {
            case "client", "expert" -> "/to " + to + " " + said;
            // Text that looks like a command would be read as one: the action forms are for those.
            default -> MediatorCommand.isCommand(said) || MediatorCommand.parse(said).isPresent() ? null : said;
        };
        if (message == null) {
            return refuse(flash, dispute, "say.looks-like-command");
        }
        return send(member, dispute, message, requestId, flash);
    }

    private String send(StaffMember member, DisputeId dispute, String text, String requestId,
                        RedirectAttributes flash) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return refuse(flash, dispute, "action.reload");
        }
        ChatAnswer answer = inbound.handle(room.written(member, dispute, text, requestId));
        if (answer instanceof ChatAnswer.Notice notice) {
            flash.addFlashAttribute("notice", notice.text());
        } else {
            flash.addFlashAttribute("notice", text("action.sent"));
        }
        return "redirect:/console/disputes/" + dispute.value();
    }

    private String refuse(RedirectAttributes flash, DisputeId dispute, String key) {
        flash.addFlashAttribute("notice", text(key));
        return "redirect:/console/disputes/" + dispute.value();
    }

    private StaffMember member(Principal principal) {
        // The chain lets only signed-in staff here; an account removed since sign-in is signed out.
        return directory.find(principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, text("account.gone")));
    }

    private Dispute readable(StaffMember member, String id) {
        Dispute dispute = disputes.load(disputeId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, text("dispute.unknown")));
        if (!ConsoleDisputes.mayRead(member, dispute)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, text("dispute.not-yours"));
        }
        return dispute;
    }

    private DisputeId disputeId(String id) {
        try {
            return new DisputeId(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, text("dispute.unknown"));
        }
    }

    private Line line(Dispute dispute) {
        Duration waited = Duration.between(ConsoleDisputes.waitingSince(dispute), clock.instant());
        return new Line(dispute.id().value(), dispute.order().id().value() + " " + dispute.order().title(),
                engine.stepName(dispute.step(), ConsoleTexts.requestLanguage()), dispute.mediator().map(this::mediatorName).orElse(""),
                ConsoleTexts.waited(texts, waited),
                ConsoleTexts.span(texts, Duration.between(dispute.openedAt(), clock.instant())));
    }

    /** The steps the dispute can resume at now, the one it was handed off from first, as the engine accepts them. */
    private List<Choice> handBackSteps(Dispute dispute) {
        return procedure.resumableSteps(dispute).stream()
                .map(step -> new Choice(ListFilter.word(step), engine.stepName(step, ConsoleTexts.requestLanguage())))
                .toList();
    }

    /** The marketplace's other people, who could take the order over. */
    private List<Choice> experts(Dispute dispute) {
        return marketplace.people().stream()
                .filter(person -> !person.id().equals(dispute.client()) && !person.id().equals(dispute.workingExpert()))
                .map(person -> new Choice(person.id().value(), person.name()))
                .toList();
    }

    private String name(PersonId id) {
        return marketplace.person(id).map(Person::name).orElse(id.value());
    }

    private String mediatorName(String identity) {
        return ChannelIdentity.parse(identity).map(engine::mediatorName).orElse(identity);
    }

    private String actorName(String actor) {
        return ChannelIdentity.parse(actor)
                .map(identity -> marketplace.personByIdentity(identity).map(Person::name)
                        .orElseGet(() -> engine.mediatorName(identity)))
                .orElse(text("actor.bot"));
    }

    /** Pages show the newest line on top. */
    private static <T> java.util.stream.Collector<T, ?, List<T>> newestFirst() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toCollection(java.util.ArrayList::new),
                list -> {
                    java.util.Collections.reverse(list);
                    return List.copyOf(list);
                });
    }

    private static int pages(long lines) {
        return (int) Math.max(1, (lines + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private String text(String key, Object... args) {
        return texts.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
