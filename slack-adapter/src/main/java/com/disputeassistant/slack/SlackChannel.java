package com.disputeassistant.slack;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.slack.linking.SlackIdentities;
import com.disputeassistant.slack.sending.SlackMessage;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code slack} channel: renders each message for a Slack identity (text escaped for mrkdwn, reply
 * options as buttons carrying registry tokens, an "open form" button where the person owes free text)
 * and queues it in the outbox; the outbox's sender posts it, paced and retried.
 *
 * <p>Every message goes to the person's Slack user id, whatever conversation the address names:
 * {@code chat.postMessage} to a user id posts in the app's DM with them, and one conversation key per
 * person keeps all their messages in order and paced together.
 *
 * <p>With a mediators' room, the room ({@link ChatRoom#placeOf}) decides what a Slack mediator is sent about
 * a dispute: it goes to the dispute's thread there instead, once for all mediators, with buttons any
 * mediator may press.
 */
final class SlackChannel implements Channel, ChatRoom.Poster {
    static final String NAME = "slack";

    private final Outbox outbox;
    private final ReplyTokens tokens;
    /** The mediators' room, or null when Slack mediators get direct messages. */
    private final ChatRoom room;

    SlackChannel(Outbox outbox, ReplyTokens tokens, ChatRoom room) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.room = room;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutboundMessage message) {
        recipientOf(message);
        ChatRoom.post(room, message, this);
    }

    @Override
    public void direct(OutboundMessage message) {
        List<ReplyOption> form = message.awaits().map(Form::of).map(Form::option).stream().toList();
        post(SlackIdentities.userOf(message.to().identity()), message, tokens.forRecipient(message, form), body -> body);
    }

    @Override
    public void inRoom(OutboundMessage message, DisputeId thread) {
        post(room.conversation(), message, tokens.inRoom(room, message),
                thread == null ? body -> body : body -> SlackRoomSender.inThreadOf(body, thread));
    }

    /** Queues the message for {@code conversation} with its buttons. */
    private void post(String conversation, OutboundMessage message, List<ReplyTokens.Button> buttons,
                      UnaryOperator<String> placing) {
        outbox.append(SlackMessage.render(conversation, message.text(), buttons).stream()
                .map(body -> new OutboxEntry(conversation, placing.apply(body)))
                .toList());
    }
}
