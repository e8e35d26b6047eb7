package com.disputeassistant.slack;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.ReplyWrite;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.slack.linking.SlackIdentities;
import com.disputeassistant.slack.sending.SlackMessage;
import com.disputeassistant.slack.sending.SlackUpload;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The {@code slack} channel: renders each message for a Slack identity (text escaped for mrkdwn, reply
 * options as buttons carrying registry tokens, an "open form" button where the person owes free text)
 * as entries of the outbox, which the turn's own write queues; the outbox's sender posts them, paced and
 * retried.
 *
 * <p>Every message goes to the person's Slack user id, whatever conversation the address names:
 * {@code chat.postMessage} to a user id posts in the app's DM with them, and one conversation key per
 * person keeps all their messages in order and paced together.
 *
 * <p>With a mediators' room, the room ({@link ChatRoom#placeOf}) decides what a Slack mediator is sent about
 * a dispute: it goes to the dispute's thread there instead, once for all mediators, with buttons any
 * mediator may press.
 *
 * <p>Evidence files a message carries ({@link OutboundMessage#attachments()}) are uploaded after its text,
 * to the same DM or thread, one outbox entry each ({@link SlackUpload}): each is sent and retried on its
 * own, so a file that fails is tried again without posting the text twice, and one that can never be sent
 * is dead-lettered with its reason while the text, which names it, has gone out.
 */
final class SlackChannel implements Channel, ChatRoom.Poster {
    static final String NAME = "slack";

    private final String outboxKey;
    private final ReplyTokens tokens;
    /** The mediators' room, or null when Slack mediators get direct messages. */
    private final ChatRoom room;

    SlackChannel(Outbox outbox, ReplyTokens tokens, ChatRoom room) {
        this.outboxKey = outbox.key();
        this.tokens = tokens;
        this.room = room;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ReplyWrite> render(OutboundMessage message) {
        recipientOf(message);
        return ChatRoom.post(room, message, this);
    }

    @Override
    public List<ReplyWrite> direct(OutboundMessage message) {
        List<ReplyOption> form = message.awaits().map(Form::of).map(f -> f.option(message.language())).stream().toList();
        return post(SlackIdentities.userOf(message.to().identity()), message, tokens.forRecipient(message, form),
                body -> body);
    }

    @Override
    public List<ReplyWrite> inRoom(OutboundMessage message, DisputeId thread) {
        return post(room.conversation(), message, tokens.inRoom(room, message),
                thread == null ? body -> body : body -> SlackRoomSender.inThreadOf(body, thread));
    }

    /**
     * The outbox entries of the message for {@code conversation}, with its buttons; then one upload per
     * evidence file it carries, in the same conversation (so after the text, in order) and place.
     */
    private List<ReplyWrite> post(String conversation, OutboundMessage message, List<ReplyTokens.Button> buttons,
                                  UnaryOperator<String> placing) {
        return Stream.concat(SlackMessage.render(conversation, message.text(), buttons).stream(),
                        message.attachments().stream().map(file -> SlackUpload.body(conversation, file)))
                .map(body -> ReplyWrite.toOutbox(outboxKey, new OutboxEntry(conversation, placing.apply(body))))
                .toList();
    }
}
