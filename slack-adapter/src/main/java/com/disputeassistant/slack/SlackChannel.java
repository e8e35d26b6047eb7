package com.disputeassistant.slack;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.slack.linking.SlackIdentities;
import com.disputeassistant.slack.sending.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The {@code slack} channel: renders each message for a Slack identity (text escaped for mrkdwn, reply
 * options as buttons carrying registry tokens, an "open form" button where the person owes free text)
 * and queues it in the outbox; the outbox's sender posts it, paced and retried.
 *
 * <p>Every message goes to the person's Slack user id, whatever conversation the address names:
 * {@code chat.postMessage} to a user id posts in the app's DM with them, and one conversation key per
 * person keeps all their messages in order and paced together.
 *
 * <p>With a mediators' room ({@link SlackRoom}), what a Slack mediator is sent about a dispute goes to the
 * dispute's thread there instead, once for all mediators, with buttons any mediator may press.
 */
final class SlackChannel implements Channel {
    static final String NAME = "slack";

    private final Outbox outbox;
    private final ButtonRegistry buttons;
    private final SlackRoom room;

    SlackChannel(Outbox outbox, ButtonRegistry buttons, SlackRoom room) {
        this.outbox = outbox;
        this.buttons = buttons;
        this.room = room;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutboundMessage message) {
        ChannelIdentity to = recipientOf(message);
        Optional<SlackRoom.Place> place = room.placeOf(message);
        if (place.isEmpty()) {
            post(SlackIdentities.userOf(to), to, message, body -> body);
        } else if (place.get() instanceof SlackRoom.Place.InThread thread) {
            post(room.channel(), room.identity(), message, body -> SlackRoomSender.inThreadOf(body, thread.dispute()));
        } else if (place.get() instanceof SlackRoom.Place.TopLevel) {
            post(room.channel(), room.identity(), message, body -> body);
        }
        // Otherwise a copy of what the room already shows.
    }

    /** Queues the message for {@code conversation}, its buttons registered for {@code buttonsFor}. */
    private void post(String conversation, ChannelIdentity buttonsFor, OutboundMessage message,
                      UnaryOperator<String> placing) {
        List<ReplyOption> options = new ArrayList<>();
        message.awaits().map(Form::of).ifPresent(form -> options.add(form.option(message.language())));
        options.addAll(message.options());
        List<String> tokens = options.isEmpty() ? List.of() : buttons.register(buttonsFor, options);
        List<SlackMessage.Button> rendered = IntStream.range(0, options.size())
                .mapToObj(i -> new SlackMessage.Button(options.get(i).label(), tokens.get(i)))
                .toList();
        outbox.append(SlackMessage.render(conversation, message.text(), rendered).stream()
                .map(body -> new OutboxEntry(conversation, placing.apply(body)))
                .toList());
    }
}
