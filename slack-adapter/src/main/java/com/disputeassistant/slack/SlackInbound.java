package com.disputeassistant.slack;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.inbound.ChatAnswer;
import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.language.Language;
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
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.view.ViewState;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Slack sends, translated into {@link ChatEvent}s for the one inbound path ({@link ChatInbound}),
 * which decides who the person is, whether a press counts and what the mediators' room allows: DMs
 * ({@code message.im}), files shared in a DM or in the mediators' room ({@code file_share}: the files go to
 * the inbound path as {@link SlackFiles} describes them, the message's text is their caption), the
 * {@code /dispute} command, button presses, form submissions, the App Home tab, and
 * the messages in the mediators' room ({@code message.channels}). Each handler keeps what the work needs in the
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
    private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);

    private final ChatInbound inbound;
    private final ConversationEngine engine;
    private final AppHome home;
    private final MethodsClient slack;
    private final SlackInbox inbox;
    /** The mediators' room's channel id, or empty for none: its messages are the only channel messages taken. */
    private final String roomChannel;
    /** Knows each user's Slack locale: the hint of their language the events carry. */
    private final SlackIdentities identities;
    /** Fetches the files people share, with the bot token. */
    private final SlackFiles files;

    SlackInbound(ChatInbound inbound, ConversationEngine engine, AppHome home, MethodsClient slack, SlackInbox inbox,
                 String roomChannel, SlackIdentities identities, SlackFiles files) {
        this.files = files;
        this.inbound = inbound;
        this.engine = engine;
        this.home = home;
        this.slack = slack;
        this.inbox = inbox;
        this.roomChannel = roomChannel;
        this.identities = identities;
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
            if (typed && !roomChannel.isEmpty() && roomChannel.equals(event.getChannel())) {
                return keep(ctx, new SlackWork.RoomMessage(payload.getTeamId(), event.getUser(), event.getChannel(),
                        event.getTs(), event.getThreadTs(), Mrkdwn.unescape(event.getText()), List.of()));
            }
            if (!typed || event.getSubtype() != null || !"im".equals(event.getChannelType())) {
                return ctx.ack();
            }
            return keep(ctx, new SlackWork.Text(payload.getTeamId(), event.getUser(), Mrkdwn.unescape(event.getText()),
                    SlackWork.messageId(event.getChannel(), event.getTs())));
        });
        // Files shared with a message come as the subtype file_share, which Bolt dispatches on its own.
        app.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent event = payload.getEvent();
            List<SlackWork.SharedFile> files = SlackFiles.described(event.getFiles());
            // The bot's own uploads (evidence it passes on) come back as file shares by its user: not new files.
            if (event.getUser() == null || event.getUser().equals(ctx.getBotUserId()) || files.isEmpty()) {
                return ctx.ack();
            }
            String caption = event.getText() == null ? "" : Mrkdwn.unescape(event.getText());
            if (!roomChannel.isEmpty() && roomChannel.equals(event.getChannel())) {
                return keep(ctx, new SlackWork.RoomMessage(payload.getTeamId(), event.getUser(), event.getChannel(),
                        event.getTs(), event.getThreadTs(), caption, files));
            }
            if (!"im".equals(event.getChannelType())) {
                return ctx.ack();
            }
            return keep(ctx, new SlackWork.Text(payload.getTeamId(), event.getUser(), caption,
                    SlackWork.messageId(event.getChannel(), event.getTs()), files));
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
            // Said within Slack's three seconds: in the language of the user's locale if it is known already.
            return inDm ? ack : ctx.ack(engine.text(identities.knownLanguage(command.getUserId())
                    .orElse(Language.DEFAULT), "slack.answered-in-dm"));
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
            return keep(ctx, new SlackWork.Submission(submission.getTeam() == null ? null : submission.getTeam().getId(),
                    submission.getUser() == null ? null : submission.getUser().getId(),
                    submission.getView().getId(), submission.getView().getCallbackId(), answer(submission)));
        });
    }

    /**
     * Keeps the work in the inbox, then acks. When the inbox cannot keep it (Redis down) this throws, rather
     * than answer an error: Bolt would try another handler and then auto-ack an event that none took, while
     * an exception reaches the endpoint (503) or the socket (no ack), so that Slack sends the request again.
     */
    private Response keep(Context ctx, SlackWork work) {
        if (!SlackIdentities.isId(work.team()) || !SlackIdentities.isId(work.user())) {
            // Nobody to answer, and a redelivery would be no better: acked, so that Slack does not retry it.
            log.warn("Dropped a Slack {} without a valid team and user id", work.getClass().getSimpleName());
            return ctx.ack();
        }
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
        return new SlackWork.Press(press.getTeam() == null ? null : press.getTeam().getId(),
                press.getUser() == null ? null : press.getUser().getId(), action.getActionId(), channel,
                container == null ? null : container.getMessageTs(), action.getActionTs(), press.getTriggerId());
    }

    /**
     * Does the work behind one acked request: the inbox's worker calls this, in the order each person's
     * requests came. Throws only when something beyond the engine failed (Redis, most likely), and the inbox
     * then tries again; the delivery ids keep a second try from applying anything twice.
     */
    void handle(SlackWork work) {
        if (work instanceof SlackWork.Text text) {
            direct(ChatEvent.Text.direct(identity(text), text.user(), text.text(), text.deliveryId())
                    .withLanguage(hint(text)).withFiles(files.incoming(text.files())));
        } else if (work instanceof SlackWork.Press press) {
            onPress(press);
        } else if (work instanceof SlackWork.Submission submission) {
            onSubmission(submission);
        } else if (work instanceof SlackWork.HomeOpened opened) {
            publishHome(opened);
        } else if (work instanceof SlackWork.RoomMessage message) {
            // A reply in a thread names the thread's first message (the dispute's card); at the top level none.
            boolean topLevel = message.threadTs() == null || message.threadTs().equals(message.ts());
            ChatEvent.Text event = new ChatEvent.Text(identity(message), message.channel(),
                    topLevel ? null : message.threadTs(), message.text(), message.deliveryId(), hint(message),
                    files.incoming(message.files()));
            if (inbound.handle(event) instanceof ChatAnswer.Notice notice) {
                tellEphemeral(message.channel(), message.user(), notice.text());
            }
        }
    }

    /** A DM: answers come in the DM, which Slack reaches by the user's id (see {@link SlackChannel}). */
    private void direct(ChatEvent.Text event) {
        if (inbound.handle(event) instanceof ChatAnswer.Notice notice) {
            inbound.tell(event, notice.text());
        }
    }

    private void onPress(SlackWork.Press press) {
        // Pressed in a DM, the answer goes to the DM (the user's id); elsewhere, where it was pressed (the room).
        boolean inDm = press.channel() == null || press.channel().startsWith("D");
        ChatEvent.Press event = new ChatEvent.Press(identity(press), inDm ? press.user() : press.channel(),
                press.token(), press.deliveryId(), hint(press));
        ChatAnswer answer = inbound.handle(event);
        if (answer instanceof ChatAnswer.Notice notice) {
            tellEphemeral(press.channel(), press.user(), notice.text());
        } else if (answer instanceof ChatAnswer.Local local) {
            Form.ofOption(local.optionId()).ifPresent(form -> {
                // A trigger id lasts three seconds: a press handled late (after a take-over) cannot open the form.
                if (!call("views.open", () -> slack.viewsOpen(r -> r.triggerId(press.triggerId())
                        .viewAsString(form.modal(inbound.languageOf(event)))))) {
                    tellEphemeral(press.channel(), press.user(),
                            engine.text(inbound.languageOf(event), "slack.form-not-opened"));
                }
            });
        }
    }

    /** Shown only to that user, in that channel: nothing changed, so nobody else needs to see it. */
    private void tellEphemeral(String channel, String user, String text) {
        call("chat.postEphemeral", () -> slack.chatPostEphemeral(r -> r.channel(channel)
                .user(user).text(Mrkdwn.escape(text))));
    }

    /** A submitted form stands for the text messages the person could have typed instead, one per line of a list. */
    private void onSubmission(SlackWork.Submission submission) {
        Optional<Form> form = Form.ofCallback(submission.callbackId());
        if (form.isEmpty()) {
            return;
        }
        List<String> messages = form.get().messages(submission.answer());
        for (int i = 0; i < messages.size(); i++) {
            direct(ChatEvent.Text.direct(identity(submission), submission.user(), messages.get(i),
                    "slack:view:" + submission.viewId() + ":" + i).withLanguage(hint(submission)));
        }
    }

    private static String answer(ViewSubmissionPayload submission) {
        Map<String, Map<String, ViewState.Value>> values = submission.getView().getState().getValues();
        ViewState.Value value = values.getOrDefault(Form.BLOCK, Map.of()).get(Form.BLOCK);
        return value == null ? null : value.getValue();
    }

    private void publishHome(SlackWork.HomeOpened opened) {
        ChannelIdentity who = identity(opened);
        String view = home.view(inbound.known(who) ? Optional.of(who) : Optional.empty(),
                engine.languageOf(who, hint(opened)));
        call("views.publish", () -> slack.viewsPublish(r -> r.userId(opened.user()).viewAsString(view)));
    }

    /** The language of the user's Slack client, if the bot speaks it (asked once in a while, see SlackIdentities). */
    private Language hint(SlackWork work) {
        return identities.language(work.user()).orElse(null);
    }

    private static ChannelIdentity identity(SlackWork work) {
        return SlackIdentities.identity(work.team(), work.user());
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
