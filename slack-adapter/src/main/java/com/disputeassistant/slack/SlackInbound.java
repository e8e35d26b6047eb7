package com.disputeassistant.slack;

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
import com.disputeassistant.slack.linking.SlackIdentities;
import com.disputeassistant.slack.sending.Mrkdwn;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.ViewState;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Slack sends, turned into engine turns: DMs ({@code message.im}), the {@code /dispute} command,
 * button presses, form submissions, the App Home tab, and the mediators' messages and presses in their room
 * ({@code message.channels}, see {@link SlackRoom}). Each handler keeps what the work needs in the
 * {@link SlackInbox} and only then acks, well within Slack's three seconds; the inbox's worker calls
 * {@link #handle(SlackWork)} after. The same handlers serve HTTP mode and Socket Mode. When the inbox
 * cannot keep a request (Redis down), it is not acked (503), so that Slack sends it again.
 *
 * <p><b>Delivery ids.</b> Slack delivers at least once: it retries an event it thinks was not acked (with
 * the same {@code event_id}), and it has sent one message as two events (two {@code event_id}s). Every
 * inbound carries a delivery id, which the engine applies at most once, atomically with the change:
 * <ul>
 *   <li>a DM or a message in the mediators' room: {@code slack:ts:<channel>:<ts>}. A message's channel and {@code ts} identify it in Slack,
 *       so this one key covers both a retried event and a duplicate event, where {@code event_id}
 *       alone would miss the duplicate;</li>
 *   <li>a button press: {@code slack:action:<channel>:<message ts>:<action_ts>}, the same for a repeat
 *       of one press and different for a second press (which the button registry refuses anyway);</li>
 *   <li>{@code /dispute}: {@code slack:command:<trigger_id>}, unique per invocation;</li>
 *   <li>a form: {@code slack:view:<view id>:<n>}, one per text message the form stands for.</li>
 * </ul>
 * Nothing is marked as seen before the engine applied it, and a request leaves the inbox only once it
 * was handled, so a first delivery is never dropped, even if this instance dies between the ack and the
 * work: another instance takes the request over from the inbox and handles it.
 */
final class SlackInbound {
    static final String COMMAND = "/dispute";
    static final String STRANGER = "I don't know you yet: your Slack account is not linked to a marketplace "
            + "account, and the e-mail address of your Slack profile is not that of a marketplace account. "
            + "Ask the marketplace to add your Slack account to your account, or to use the e-mail address of "
            + "your Slack profile; then write to me again.";
    static final String FAILED = "Something went wrong on my side, and what you sent was not applied. "
            + "Please send it again.";
    static final String FORM_NOT_OPENED = "The form could not be opened in time. Please press the button again.";
    private static final int ENGINE_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);

    private final ConversationEngine engine;
    private final Delivery delivery;
    private final SlackIdentities identities;
    private final ButtonRegistry buttons;
    private final AppHome home;
    private final MethodsClient slack;
    private final SlackInbox inbox;
    private final SlackRoom room;

    SlackInbound(ConversationEngine engine, Delivery delivery, SlackIdentities identities, ButtonRegistry buttons,
                 AppHome home, MethodsClient slack, SlackInbox inbox, SlackRoom room) {
        this.engine = engine;
        this.delivery = delivery;
        this.identities = identities;
        this.buttons = buttons;
        this.home = home;
        this.slack = slack;
        this.inbox = inbox;
        this.room = room;
    }

    /** Registers the handlers on the Bolt app. */
    void registerOn(App app) {
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent event = payload.getEvent();
            // Only what a person typed: no bot messages (our own included), and no subtypes such as
            // message_changed or message_deleted, which are not new messages (a thread reply also sent to
            // the channel is one).
            boolean typed = (event.getSubtype() == null || "thread_broadcast".equals(event.getSubtype()))
                    && event.getBotId() == null && event.getUser() != null && event.getText() != null;
            if (typed && room.isRoom(event.getChannel())) {
                return keep(ctx, new SlackWork.RoomMessage(payload.getTeamId(), event.getUser(), event.getChannel(),
                        event.getTs(), event.getThreadTs(), Mrkdwn.unescape(event.getText())));
            }
            if (!typed || event.getSubtype() != null || !"im".equals(event.getChannelType())) {
                return ctx.ack();
            }
            return keep(ctx, new SlackWork.Text(payload.getTeamId(), event.getUser(), Mrkdwn.unescape(event.getText()),
                    SlackWork.messageId(event.getChannel(), event.getTs())));
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (!"home".equals(event.getTab())) {
                return ctx.ack();
            }
            return keep(ctx, new SlackWork.HomeOpened(payload.getTeamId(), event.getUser()));
        });
        app.command(COMMAND, (request, ctx) -> {
            SlashCommandPayload command = request.getPayload();
            Response ack = keep(ctx, new SlackWork.Text(command.getTeamId(), command.getUserId(), "menu",
                    "slack:command:" + command.getTriggerId()));
            // Invoked in a channel, the answer still comes in the DM: say where to look.
            boolean inDm = command.getChannelId() != null && command.getChannelId().startsWith("D");
            return inDm ? ack : ctx.ack("I've answered in our direct messages.");
        });
        app.blockAction(Pattern.compile(".+"), (request, ctx) -> {
            BlockActionPayload press = request.getPayload();
            if (press.getActions() == null || press.getActions().isEmpty()) {
                return ctx.ack();
            }
            return keep(ctx, pressOf(press));
        });
        app.viewSubmission(Pattern.compile(Pattern.quote(Form.CALLBACK_PREFIX) + ".+"), (request, ctx) -> {
            ViewSubmissionPayload submission = request.getPayload();
            // An empty ack closes the modal; its answers are handled after it.
            return keep(ctx, new SlackWork.Submission(submission.getTeam().getId(), submission.getUser().getId(),
                    submission.getView().getId(), submission.getView().getCallbackId(), answer(submission)));
        });
    }

    /**
     * Keeps the work in the inbox, then acks. When the inbox cannot keep it (Redis down) this throws, rather
     * than answer an error: Bolt would try another handler and then auto-ack an event that none took, while
     * an exception reaches the endpoint (503) or the socket (no ack), so that Slack sends the request again.
     */
    private Response keep(Context ctx, SlackWork work) {
        try {
            inbox.put(work);
        } catch (RuntimeException e) {
            throw new InboxUnavailable(work, e);
        }
        return ctx.ack();
    }

    /** The inbox could not keep a request, which therefore is not acked. */
    static final class InboxUnavailable extends RuntimeException {
        InboxUnavailable(SlackWork work, RuntimeException cause) {
            super("could not keep a Slack request from " + work.user() + ", so it is not acked: " + cause, cause);
        }
    }

    private static SlackWork.Press pressOf(BlockActionPayload press) {
        BlockActionPayload.Action action = press.getActions().get(0);
        BlockActionPayload.Container container = press.getContainer();
        String channel = container != null && container.getChannelId() != null ? container.getChannelId()
                : press.getChannel() == null ? null : press.getChannel().getId();
        return new SlackWork.Press(press.getTeam().getId(), press.getUser().getId(), action.getActionId(), channel,
                container == null ? null : container.getMessageTs(), action.getActionTs(), press.getTriggerId());
    }

    /**
     * Does the work behind one acked request: the inbox's worker calls this, in the order each person's
     * requests came. Throws only when something beyond the engine failed (Redis, most likely), and the inbox
     * then tries again; the delivery ids keep a second try from applying anything twice.
     */
    void handle(SlackWork work) {
        if (work instanceof SlackWork.Text text) {
            onText(text.team(), text.user(), text.text(), text.deliveryId());
        } else if (work instanceof SlackWork.Press press) {
            onPress(press);
        } else if (work instanceof SlackWork.Submission submission) {
            onSubmission(submission);
        } else if (work instanceof SlackWork.HomeOpened opened) {
            publishHome(opened.team(), opened.user());
        } else if (work instanceof SlackWork.RoomMessage message) {
            onRoomMessage(message);
        }
    }

    private void onText(String team, String user, String text, String deliveryId) {
        Optional<ChannelIdentity> known = identities.known(team, user);
        if (known.isEmpty()) {
            tellStranger(team, user);
            return;
        }
        handle(InboundMessage.text(addressOf(known.get()), text).withDeliveryId(deliveryId)
                .withLanguage(identities.language(user).orElse(null)));
    }

    private void onPress(SlackWork.Press press) {
        ChannelIdentity presser = SlackIdentities.identity(press.team(), press.user());
        boolean inRoom = room.isRoom(press.channel());
        if (inRoom && !room.admits(presser)) {
            tellEphemeral(press, SlackRoom.MEDIATORS_ONLY);
            return;
        }
        // The room's buttons are the room's, for any mediator; the engine decides what this one may do.
        ButtonPress result = inRoom ? buttons.press(press.token(), room.identity(), SlackRoom.pressId(press.token()))
                : buttons.press(press.token(), presser, press.deliveryId());
        Language hint = identities.language(press.user()).orElse(null);
        if (result instanceof ButtonPress.Refused refused) {
            tellEphemeral(press, refused.explanation(engine.languageOf(presser, hint)));
            return;
        }
        String optionId = ((ButtonPress.Accepted) result).optionId();
        Optional<Form> form = Form.ofOption(optionId);
        if (form.isPresent()) {
            // A trigger id lasts three seconds: a press handled late (after a take-over) cannot open the form.
            if (!call("views.open", () -> slack.viewsOpen(r -> r.triggerId(press.triggerId())
                    .viewAsString(form.get().modal(engine.languageOf(presser, hint)))))) {
                tellEphemeral(press, FORM_NOT_OPENED);
            }
            return;
        }
        // Pressed in the room, the answer goes to the room too: see SlackRoom.placeOf.
        Address from = inRoom ? new Address(presser, press.channel()) : addressOf(presser);
        handle(InboundMessage.option(from, optionId).withDeliveryId(press.deliveryId()).withLanguage(hint));
    }

    /**
     * A mediator's message in the room: a reply in a dispute's thread is about that dispute; at the top
     * level only what names no dispute works; anything else, and anyone else, is told what to do instead.
     */
    private void onRoomMessage(SlackWork.RoomMessage message) {
        ChannelIdentity author = SlackIdentities.identity(message.team(), message.user());
        if (!room.admits(author)) {
            tellEphemeral(message.channel(), message.user(), SlackRoom.MEDIATORS_ONLY);
            return;
        }
        Address from = new Address(author, message.channel());
        Language hint = identities.language(message.user()).orElse(null);
        String text = SlackRoom.asCommand(message.text());
        boolean topLevel = message.threadTs() == null || message.threadTs().equals(message.ts());
        Optional<DisputeId> dispute = topLevel ? Optional.empty() : room.disputeOf(message.threadTs());
        if (dispute.isPresent()) {
            handle(InboundMessage.text(from, text).about(dispute.get()).withDeliveryId(message.deliveryId())
                    .withLanguage(hint));
        } else if (topLevel && SlackRoom.worksAtTopLevel(text)) {
            handle(InboundMessage.text(from, text).withDeliveryId(message.deliveryId()).withLanguage(hint));
        } else {
            tellEphemeral(message.channel(), message.user(), SlackRoom.WHERE_TO_WRITE);
        }
    }

    private void tellEphemeral(SlackWork.Press press, String text) {
        tellEphemeral(press.channel(), press.user(), text);
    }

    /** Shown only to that user, in that channel: nothing changed, so nobody else needs to see it. */
    private void tellEphemeral(String channel, String user, String text) {
        call("chat.postEphemeral", () -> slack.chatPostEphemeral(r -> r.channel(channel)
                .user(user).text(Mrkdwn.escape(text))));
    }

    private void onSubmission(SlackWork.Submission submission) {
        Optional<Form> form = Form.ofCallback(submission.callbackId());
        if (form.isEmpty()) {
            return;
        }
        ChannelIdentity from = SlackIdentities.identity(submission.team(), submission.user());
        List<String> messages = form.get().messages(submission.answer());
        Language hint = identities.language(submission.user()).orElse(null);
        for (int i = 0; i < messages.size(); i++) {
            String deliveryId = "slack:view:" + submission.viewId() + ":" + i;
            handle(InboundMessage.text(addressOf(from), messages.get(i)).withDeliveryId(deliveryId).withLanguage(hint));
        }
    }

    private static String answer(ViewSubmissionPayload submission) {
        Map<String, Map<String, ViewState.Value>> values = submission.getView().getState().getValues();
        ViewState.Value value = values.getOrDefault(Form.BLOCK, Map.of()).get(Form.BLOCK);
        return value == null ? null : value.getValue();
    }

    private void publishHome(String team, String user) {
        Optional<ChannelIdentity> known = identities.known(team, user);
        Language language = engine.languageOf(SlackIdentities.identity(team, user), identities.language(user).orElse(null));
        String view = home.view(known, language);
        call("views.publish", () -> slack.viewsPublish(r -> r.userId(user).viewAsString(view)));
    }

    /**
     * One engine turn, tried again when the engine fails unexpectedly (a Redis hiccup; see the report on
     * bot-core): the delivery id makes a second try safe, as the engine applies a message at most once.
     */
    private void handle(InboundMessage message) {
        List<OutboundMessage> answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                answer = engine.handle(message);
            } catch (RuntimeException e) {
                if (attempt == ENGINE_ATTEMPTS) {
                    log.error("The engine failed {} times on {}; the person is asked to send it again",
                            ENGINE_ATTEMPTS, message.deliveryId(), e);
                    answer = List.of(new OutboundMessage(message.from(), FAILED, List.of()));
                } else {
                    log.warn("The engine failed on {} (attempt {} of {}), trying again: {}", message.deliveryId(),
                            attempt, ENGINE_ATTEMPTS, e.toString());
                }
            }
        }
        delivery.deliver(answer);
    }

    private void tellStranger(String team, String user) {
        delivery.deliver(List.of(new OutboundMessage(addressOf(SlackIdentities.identity(team, user)), STRANGER,
                List.of())));
    }

    /** Slack identities are answered at their user id; see {@link SlackChannel}. */
    private static Address addressOf(ChannelIdentity identity) {
        return new Address(identity, SlackIdentities.userOf(identity));
    }

    /**
     * A direct Web API call (not queued: a trigger id expires in 3 s); failures are logged, never thrown.
     * Returns whether Slack took it.
     */
    private static boolean call(String method, SlackCall call) {
        try {
            SlackApiTextResponse response = call.run();
            if (!response.isOk()) {
                log.warn("Slack {} failed: {}", method, response.getError());
            }
            return response.isOk();
        } catch (IOException | SlackApiException e) {
            log.warn("Slack {} failed: {}", method, e.toString());
            return false;
        }
    }

    @FunctionalInterface
    private interface SlackCall {
        SlackApiTextResponse run() throws IOException, SlackApiException;
    }
}
