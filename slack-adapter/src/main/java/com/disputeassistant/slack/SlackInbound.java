package com.disputeassistant.slack;

import com.disputeassistant.buttons.ButtonPress;
import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.conversation.InboundMessage;
import com.disputeassistant.conversation.OutboundMessage;
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
 * button presses, form submissions and the App Home tab. Each handler acks at once and queues the work
 * (see {@link Workers}); the same handlers serve HTTP mode and Socket Mode.
 *
 * <p><b>Delivery ids.</b> Slack delivers at least once: it retries an event it thinks was not acked (with
 * the same {@code event_id}), and it has sent one message as two events (two {@code event_id}s). Every
 * inbound carries a delivery id, which the engine applies at most once, atomically with the change:
 * <ul>
 *   <li>a DM: {@code slack:ts:<channel>:<ts>}. A message's channel and {@code ts} identify it in Slack,
 *       so this one key covers both a retried event and a duplicate event, where {@code event_id}
 *       alone would miss the duplicate;</li>
 *   <li>a button press: {@code slack:action:<channel>:<message ts>:<action_ts>}, the same for a repeat
 *       of one press and different for a second press (which the button registry refuses anyway);</li>
 *   <li>{@code /dispute}: {@code slack:command:<trigger_id>}, unique per invocation;</li>
 *   <li>a form: {@code slack:view:<view id>:<n>}, one per text message the form stands for.</li>
 * </ul>
 * Nothing is marked as seen before the engine applied it, so a first delivery is never dropped, even if
 * this instance dies between the ack and the work: Slack's retry, or the person, sends it again.
 */
final class SlackInbound {
    static final String COMMAND = "/dispute";
    static final String STRANGER = "I don't know you yet: your Slack account is not linked to a marketplace "
            + "account, and the e-mail address of your Slack profile is not that of a marketplace account. "
            + "Ask the marketplace to add your Slack account to your account, or to use the e-mail address of "
            + "your Slack profile; then write to me again.";
    static final String FAILED = "Something went wrong on my side, and what you sent was not applied. "
            + "Please send it again.";
    private static final int ENGINE_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);

    private final ConversationEngine engine;
    private final Delivery delivery;
    private final SlackIdentities identities;
    private final ButtonRegistry buttons;
    private final AppHome home;
    private final MethodsClient slack;
    private final Workers workers;

    SlackInbound(ConversationEngine engine, Delivery delivery, SlackIdentities identities, ButtonRegistry buttons,
                 AppHome home, MethodsClient slack, Workers workers) {
        this.engine = engine;
        this.delivery = delivery;
        this.identities = identities;
        this.buttons = buttons;
        this.home = home;
        this.slack = slack;
        this.workers = workers;
    }

    /** Registers the handlers on the Bolt app. */
    void registerOn(App app) {
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent event = payload.getEvent();
            // Only what a person typed in their DM with the bot: no bot messages (our own included), and no
            // subtypes such as message_changed or message_deleted, which are not new messages.
            if (!"im".equals(event.getChannelType()) || event.getSubtype() != null || event.getBotId() != null
                    || event.getUser() == null || event.getText() == null) {
                return ctx.ack();
            }
            String deliveryId = "slack:ts:" + event.getChannel() + ":" + event.getTs();
            return later(ctx, event.getUser(), () -> onText(payload.getTeamId(), event.getUser(),
                    Mrkdwn.unescape(event.getText()), deliveryId));
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (!"home".equals(event.getTab())) {
                return ctx.ack();
            }
            return later(ctx, event.getUser(), () -> publishHome(payload.getTeamId(), event.getUser()));
        });
        app.command(COMMAND, (request, ctx) -> {
            SlashCommandPayload command = request.getPayload();
            String deliveryId = "slack:command:" + command.getTriggerId();
            Response ack = later(ctx, command.getUserId(),
                    () -> onText(command.getTeamId(), command.getUserId(), "menu", deliveryId));
            // Invoked in a channel, the answer still comes in the DM: say where to look.
            boolean inDm = command.getChannelId() != null && command.getChannelId().startsWith("D");
            return ack.getStatusCode() == 200 && !inDm ? ctx.ack("I've answered in our direct messages.") : ack;
        });
        app.blockAction(Pattern.compile(".+"), (request, ctx) -> {
            BlockActionPayload press = request.getPayload();
            if (press.getActions() == null || press.getActions().isEmpty()) {
                return ctx.ack();
            }
            return later(ctx, press.getUser().getId(), () -> onPress(press));
        });
        app.viewSubmission(Pattern.compile(Pattern.quote(Form.CALLBACK_PREFIX) + ".+"), (request, ctx) -> {
            ViewSubmissionPayload submission = request.getPayload();
            // An empty ack closes the modal; its answers are handled after it.
            return later(ctx, submission.getUser().getId(), () -> onSubmission(submission));
        });
    }

    /** Acks now and queues the work, or withholds the ack when the queue is full so that Slack retries. */
    private Response later(Context ctx, String person, Runnable work) {
        if (workers.submit(person, work)) {
            return ctx.ack();
        }
        return Response.builder().statusCode(503).contentType("text/plain").body("busy, try again").build();
    }

    private void onText(String team, String user, String text, String deliveryId) {
        Optional<ChannelIdentity> known = identities.known(team, user);
        if (known.isEmpty()) {
            tellStranger(team, user);
            return;
        }
        handle(InboundMessage.text(addressOf(known.get()), text).withDeliveryId(deliveryId));
    }

    private void onPress(BlockActionPayload press) {
        BlockActionPayload.Action action = press.getActions().get(0);
        ChannelIdentity presser = SlackIdentities.identity(press.getTeam().getId(), press.getUser().getId());
        ButtonPress result = buttons.press(action.getActionId(), presser);
        if (result instanceof ButtonPress.Refused refused) {
            String channel = press.getContainer() != null ? press.getContainer().getChannelId()
                    : press.getChannel().getId();
            call("chat.postEphemeral", () -> slack.chatPostEphemeral(r -> r.channel(channel)
                    .user(press.getUser().getId()).text(Mrkdwn.escape(refused.explanation()))));
            return;
        }
        String optionId = ((ButtonPress.Accepted) result).optionId();
        Optional<Form> form = Form.ofOption(optionId);
        if (form.isPresent()) {
            call("views.open", () -> slack.viewsOpen(r -> r.triggerId(press.getTriggerId())
                    .viewAsString(form.get().modal())));
            return;
        }
        String deliveryId = "slack:action:" + press.getContainer().getChannelId() + ":"
                + press.getContainer().getMessageTs() + ":" + action.getActionTs();
        handle(InboundMessage.option(addressOf(presser), optionId).withDeliveryId(deliveryId));
    }

    private void onSubmission(ViewSubmissionPayload submission) {
        Optional<Form> form = Form.ofCallback(submission.getView().getCallbackId());
        if (form.isEmpty()) {
            return;
        }
        ChannelIdentity from = SlackIdentities.identity(submission.getTeam().getId(), submission.getUser().getId());
        List<String> messages = form.get().messages(answer(submission));
        for (int i = 0; i < messages.size(); i++) {
            String deliveryId = "slack:view:" + submission.getView().getId() + ":" + i;
            handle(InboundMessage.text(addressOf(from), messages.get(i)).withDeliveryId(deliveryId));
        }
    }

    private static String answer(ViewSubmissionPayload submission) {
        Map<String, Map<String, ViewState.Value>> values = submission.getView().getState().getValues();
        ViewState.Value value = values.getOrDefault(Form.BLOCK, Map.of()).get(Form.BLOCK);
        return value == null ? null : value.getValue();
    }

    private void publishHome(String team, String user) {
        String view = home.view(identities.known(team, user));
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

    /** A direct Web API call (not queued: a trigger id expires in 3 s); failures are logged, never thrown. */
    private static void call(String method, SlackCall call) {
        try {
            SlackApiTextResponse response = call.run();
            if (!response.isOk()) {
                log.warn("Slack {} failed: {}", method, response.getError());
            }
        } catch (IOException | SlackApiException e) {
            log.warn("Slack {} failed: {}", method, e.toString());
        }
    }

    @FunctionalInterface
    private interface SlackCall {
        SlackApiTextResponse run() throws IOException, SlackApiException;
    }
}
