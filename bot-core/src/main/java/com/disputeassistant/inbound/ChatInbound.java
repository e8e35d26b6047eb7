package com.disputeassistant.inbound;

import com.disputeassistant.buttons.ButtonPress;
import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.conversation.InboundMessage;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisOutage;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one inbound path: every channel hands each parsed {@link ChatEvent} here, and this does the rest
 * the same way for all of them.
 *
 * <ol>
 *   <li><b>The room.</b> An event in a mediators' room ({@link ChatRoom}) is for mediators only; in a
 *       dispute's thread it is about that dispute, at the top level only commands that name no dispute
 *       work, and the room's buttons may be pressed by any mediator.</li>
 *   <li><b>Who.</b> A mediator of the allow-list, or a marketplace person (listed, linked before, or linked
 *       now by an e-mail address the platform confirmed, see {@link ConfirmedEmails}); anyone else is told
 *       how to become known, and can do nothing else.</li>
 *   <li><b>The press.</b> A button counts only for the person it was sent to, once ({@link ButtonRegistry});
 *       a number typed instead picks that option of the person's latest message.</li>
 *   <li><b>The turn.</b> The engine applies a delivery id at most once; a turn that fails unexpectedly (a
 *       Redis hiccup) is tried again, which the delivery id makes safe. The replies are rendered by {@link
 *       Delivery} and queued by the turn's own atomic write (its commit, or the write that marks a message
 *       that changed nothing as handled), so they are queued exactly once, and nothing after.</li>
 * </ol>
 *
 * <p>What changed nothing comes back as a {@link ChatAnswer.Notice} for the channel to show the person
 * where they acted; {@link #tell} queues one as a message where the platform has no private notice.
 */
public final class ChatInbound {
    private static final Logger log = LoggerFactory.getLogger(ChatInbound.class);
    private static final int ENGINE_ATTEMPTS = 3;
    /** A typed pick of a numbered option: "2", "#2" or "2." */
    private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,3})\\.?");
    /** Prefix of the room buttons' press ids; see {@link #roomPressId}. */
    private static final String ROOM_PRESS = "room-button:";
    /** Keys of the logging context (SLF4J's MDC) set while an event is handled; see also {@link ConversationEngine#LOG_DISPUTE}. */
    public static final String LOG_CHANNEL = "channel";
    public static final String LOG_PERSON = "person";
    public static final String LOG_DELIVERY = "delivery.id";

    private final ConversationEngine engine;
    private final Delivery delivery;
    private final Marketplace marketplace;
    private final IdentityLinks links;
    private final ProcedureSettings settings;
    private final DisputeStore store;
    private final ButtonRegistry buttons;
    private final List<ChatRoom> rooms;
    private final Map<String, ConfirmedEmails> emails;
    private final TurnMeters meters;

    /**
     * @param rooms  the mediators' rooms configured on any platform
     * @param emails the platforms that confirm e-mail addresses, for linking people by them
     */
    public ChatInbound(ConversationEngine engine, Delivery delivery, Marketplace marketplace, IdentityLinks links,
                       ProcedureSettings settings, DisputeStore store, ButtonRegistry buttons, List<ChatRoom> rooms,
                       List<ConfirmedEmails> emails) {
        this(engine, delivery, marketplace, links, settings, store, buttons, rooms, emails, InboundMeters.none());
    }

    /**
     * @param meters where the turns are counted and timed (see {@link TurnMeters}); the other constructor
     *               counts nowhere
     */
    public ChatInbound(ConversationEngine engine, Delivery delivery, Marketplace marketplace, IdentityLinks links,
                       ProcedureSettings settings, DisputeStore store, ButtonRegistry buttons, List<ChatRoom> rooms,
                       List<ConfirmedEmails> emails, MeterRegistry meters) {
        this.meters = new TurnMeters(meters);
        this.engine = engine;
        this.delivery = delivery;
        this.marketplace = marketplace;
        this.links = links;
        this.settings = settings;
        this.store = store;
        this.buttons = buttons;
        this.rooms = List.copyOf(rooms);
        this.emails = emails.stream().collect(Collectors.toUnmodifiableMap(ConfirmedEmails::channel, Function.identity()));
    }

    /**
     * Handles one event. Throws only when something beyond the engine failed for good (Redis away), so
     * that the channel does not confirm the delivery and the platform sends it again.
     */
    public ChatAnswer handle(ChatEvent event) {
        return handle(event, checked -> { });
    }

    /**
     * Handles one event; for a press, {@code pressChecked} is told first whether it counts (an empty text)
     * or why not, before the turn runs, so that a platform which wants every press answered (Telegram's
     * callback queries) can stop the button's spinner at once. A redelivery is neither answered nor handled.
     */
    public ChatAnswer handle(ChatEvent event, Consumer<String> pressChecked) {
        String channel = event.from().channel();
        // Every line this event's handling logs says whose event it is (README.md, "Operating it").
        MDC.put(LOG_CHANNEL, channel);
        MDC.put(LOG_PERSON, event.from().toString());
        if (event.deliveryId() != null) {
            MDC.put(LOG_DELIVERY, event.deliveryId());
        }
        try {
            // A person's text goes straight to a turn, whose first read checks the delivery id (no read of
            // its own); anything else is checked here, before a press is answered or a notice shown.
            boolean checkedByTurn = goesToTurn(event);
            if (!checkedByTurn && event.deliveryId() != null && store.wasHandled(event.deliveryId())) {
                log.debug("Ignoring {}: already handled", event.deliveryId());
                meters.count(channel, TurnMeters.Result.DUPLICATE);
                return new ChatAnswer.Seen();
            }
            ChatAnswer answer = route(event, event instanceof ChatEvent.Press ? pressChecked : checked -> { },
                    checkedByTurn);
            if (answer instanceof ChatAnswer.Seen) {
                log.debug("Ignoring {}: already handled", event.deliveryId());
                meters.count(channel, TurnMeters.Result.DUPLICATE);
                return answer;
            }
            if (event instanceof ChatEvent.Press && answer instanceof ChatAnswer.Notice notice) {
                pressChecked.accept(notice.text());
            }
            if (!(answer instanceof ChatAnswer.Done)) {
                // A Done was counted by its turn, with its duration.
                meters.count(channel, TurnMeters.Result.REFUSED);
            }
            return answer;
        } catch (RuntimeException e) {
            meters.count(channel, TurnMeters.Result.FAILED);
            throw e;
        } finally {
            MDC.remove(LOG_CHANNEL);
            MDC.remove(LOG_PERSON);
            MDC.remove(LOG_DELIVERY);
            MDC.remove(ConversationEngine.LOG_DISPUTE);
        }
    }

    /**
     * Whether the event is a known person's choice, or text that picks no numbered option, outside any room:
     * it goes to a turn and nowhere else (see {@link #route}).
     */
    private boolean goesToTurn(ChatEvent event) {
        boolean turnEvent = event instanceof ChatEvent.Choice
                || event instanceof ChatEvent.Text text && !NUMBER.matcher(text.text().strip()).matches();
        return turnEvent && roomOf(event).isEmpty() && known(event.from());
    }

    /** Where the event goes; {@code checkedByTurn}: see {@link #goesToTurn}. */
    private ChatAnswer route(ChatEvent event, Consumer<String> pressAccepted, boolean checkedByTurn) {
        Optional<ChatRoom> room = roomOf(event);
        if (room.isPresent()) {
            return inRoom(room.get(), event, pressAccepted);
        }
        if (!checkedByTurn && !known(event.from())) {
            return new ChatAnswer.Notice(engine.text(languageOf(event), event instanceof ChatEvent.Press
                    ? "inbound.stranger.press" : "inbound.stranger." + event.from().channel(), event.from().id(),
                    event.from().toString()));
        }
        Address from = new Address(event.from(), event.conversation());
        if (event instanceof ChatEvent.Press press) {
            return press(press, buttons.press(press.token(), press.from(), press.deliveryId()), from, pressAccepted);
        }
        if (event instanceof ChatEvent.Choice choice) {
            return turn(withId(InboundMessage.option(from, choice.optionId()), choice), checkedByTurn);
        }
        ChatEvent.Text text = (ChatEvent.Text) event;
        // A caption of a file is never a pick: the file would be lost.
        Optional<String> numbered = text.files().isEmpty() ? numberedPick(text) : Optional.empty();
        if (numbered.isPresent()) {
            return press(new ChatEvent.Press(text.from(), text.conversation(), numbered.get(), text.deliveryId(),
                    text.language()), buttons.press(numbered.get(), text.from(), text.deliveryId()), from, checked -> { });
        }
        return turn(withId(InboundMessage.text(from, text.text()), text), checkedByTurn);
    }

    /**
     * Queues a notice as a message to the person where they acted, for a platform that shows notices
     * no other way (a message in a chat); once per delivery id, like a turn: the message and the
     * delivery id's handled-marker are written together, and not at all for a delivery seen before.
     */
    public void tell(ChatEvent event, String notice) {
        store.queueReplies(event.deliveryId(), delivery.render(List.of(
                new OutboundMessage(new Address(event.from(), event.conversation()), notice, List.of()))));
    }

    /**
     * Runs a channel's own effect of a delivery (a Telegram link code redeemed) once: for a delivery seen
     * before it does nothing and returns empty; else it returns what the effect returned.
     */
    public <T> Optional<T> once(String deliveryId, Supplier<T> effect) {
        if (deliveryId != null && store.wasHandled(deliveryId)) {
            return Optional.empty();
        }
        T result = effect.get();
        if (deliveryId != null) {
            store.markHandled(deliveryId);
        }
        return Optional.of(result);
    }

    /**
     * Whether a failure is Redis' trouble (away, out of memory, read-only; see {@link RedisOutage}): a channel
     * lets such a failure through, for the app to answer 503 with Retry-After, rather than handle it as a
     * fault of its own.
     */
    public static boolean isStoreTrouble(Throwable failure) {
        return RedisOutage.isCause(failure);
    }

    /** Whether the engine knows this person: a mediator, or a marketplace person (linking them if it can). */
    public boolean known(ChannelIdentity identity) {
        if (settings.isMediator(identity) || marketplace.personByIdentity(identity).isPresent()) {
            return true;
        }
        ConfirmedEmails platform = emails.get(identity.channel());
        if (platform == null) {
            return false;
        }
        Optional<Person> byEmail = platform.confirmedEmail(identity).flatMap(this::personWithEmail);
        byEmail.ifPresent(person -> {
            links.link(identity, person.id());
            log.info("Linked {} to marketplace account {} by the e-mail address the platform confirmed",
                    identity, person.id());
        });
        return byEmail.isPresent();
    }

    /** The one account with this e-mail address; none when two share it, rather than guess. */
    private Optional<Person> personWithEmail(String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        List<Person> matches = marketplace.people().stream()
                .filter(p -> p.email().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    // ---- the mediators' room ----

    private Optional<ChatRoom> roomOf(ChatEvent event) {
        for (ChatRoom room : rooms) {
            if (room.channel().equals(event.from().channel()) && room.isRoom(event.conversation())) {
                return Optional.of(room);
            }
        }
        return Optional.empty();
    }

    private ChatAnswer inRoom(ChatRoom room, ChatEvent event, Consumer<String> pressAccepted) {
        Address from = new Address(event.from(), room.conversation());
        if (!room.admits(event.from())) {
            return new ChatAnswer.Notice(engine.text(languageOf(event), event instanceof ChatEvent.Press
                    ? "inbound.room.press.mediators-only" : "inbound.room.mediators-only"));
        }
        if (event instanceof ChatEvent.Press press) {
            // The room's buttons are the room's, for any mediator: the same press id for every press of one
            // button lets the engine hear each mediator (a second Claim is told who has the dispute), while
            // the card's other buttons stay spent once one was used.
            return press(press, buttons.press(press.token(), room.identity(), roomPressId(press.token())), from,
                    pressAccepted);
        }
        if (event instanceof ChatEvent.Choice) {
            return new ChatAnswer.Notice(engine.text(languageOf(event), "inbound.room.where-to-write." + room.channel()));
        }
        ChatEvent.Text text = (ChatEvent.Text) event;
        Optional<DisputeId> dispute = room.disputeOf(text.thread());
        if (dispute.isPresent()) {
            return turn(withId(InboundMessage.text(from, text.text()).about(dispute.get()), text), false);
        }
        if (room.worksAtTopLevel(text.text())) {
            return turn(withId(InboundMessage.text(from, text.text()), text), false);
        }
        // Anything else would act on whichever dispute the mediator last touched: too easy to get wrong.
        return new ChatAnswer.Notice(engine.text(languageOf(event), "inbound.room.where-to-write." + room.channel()));
    }

    static String roomPressId(String token) {
        return ROOM_PRESS + token;
    }

    // ---- presses and turns ----

    private ChatAnswer press(ChatEvent.Press press, ButtonPress result, Address from, Consumer<String> accepted) {
        if (result instanceof ButtonPress.Refused refused) {
            return new ChatAnswer.Notice(refused.explanation(languageOf(press)));
        }
        accepted.accept("");
        String optionId = ((ButtonPress.Accepted) result).optionId();
        if (optionId.startsWith(press.from().channel() + ":")) {
            // A button the channel added itself (Slack's "open the form"): the channel does what it is for.
            return new ChatAnswer.Local(optionId);
        }
        return turn(withId(InboundMessage.option(from, optionId), press), false);
    }

    /** The token a typed number picks, when the text is just a number and the person's latest message was numbered. */
    private Optional<String> numberedPick(ChatEvent.Text text) {
        Matcher number = NUMBER.matcher(text.text().strip());
        if (!number.matches()) {
            return Optional.empty();
        }
        return buttons.numbered(text.from(), Integer.parseInt(number.group(1)));
    }

    /** The engine's message for an event: with its delivery id, if it has one, and its language hint. */
    private static InboundMessage withId(InboundMessage message, ChatEvent event) {
        InboundMessage hinted = message.withLanguage(event.language());
        if (event instanceof ChatEvent.Text text && !text.files().isEmpty()) {
            hinted = hinted.withFiles(text.files());
        }
        return event.deliveryId() == null ? hinted : hinted.withDeliveryId(event.deliveryId());
    }

    /**
     * The language of what the inbound path says itself to the person behind an event (a refused press, a
     * stranger's answer): their choice, else the marketplace's, else the platform's hint. Read only then.
     */
    public Language languageOf(ChatEvent event) {
        return engine.languageOf(event.from(), event.language());
    }

    /**
     * One engine turn, tried again when the engine fails unexpectedly: the delivery id makes a second
     * try safe, as the engine applies a message at most once, and its replies are queued by the turn
     * itself. When every try failed, the person is told to send it again (without marking the delivery
     * handled, as nothing was applied); if even that cannot be queued, this throws, and the platform
     * redelivers. With {@code check}, the turn checks the delivery id itself: one handled before is {@link
     * ChatAnswer.Seen}.
     */
    private ChatAnswer turn(InboundMessage message, boolean check) {
        long start = System.nanoTime();
        List<OutboundMessage> answer = null;
        TurnMeters.Result result = TurnMeters.Result.FAILED;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                ConversationEngine.Handled handled = check ? engine.handleNew(message, delivery)
                        : engine.handleCounted(message, delivery);
                if (handled.seenBefore()) {
                    return new ChatAnswer.Seen();
                }
                answer = handled.replies();
                result = handled.applied() ? TurnMeters.Result.APPLIED : TurnMeters.Result.REFUSED;
            } catch (RuntimeException e) {
                if (RedisOutage.isCause(e)) {
                    // Redis is away or refuses writes: trying again now would fail too. The channel answers
                    // 503 (or does not ack), the platform delivers again, and the delivery id keeps it once.
                    throw e;
                }
                if (attempt == ENGINE_ATTEMPTS) {
                    log.error("The engine failed {} times on {} from {}; the person is asked to send it again",
                            ENGINE_ATTEMPTS, message.deliveryId(), message.from().identity(), e);
                    Language language = engine.languageOf(message.from().identity(), message.language());
                    answer = List.of(new OutboundMessage(message.from(), engine.text(language, "inbound.failed"),
                            List.of(), language));
                    store.queueReplies(null, delivery.render(answer));
                } else {
                    log.warn("The engine failed on {} (attempt {} of {}), trying again: {}", message.deliveryId(),
                            attempt, ENGINE_ATTEMPTS, e.toString());
                }
            }
        }
        meters.turn(message.from().identity().channel(), result, start);
        return new ChatAnswer.Done(answer.size());
    }
}
