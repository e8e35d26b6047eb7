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
import java.util.stream.IntStream;

/**
 * The {@code slack} channel: renders each message for a Slack identity (text escaped for mrkdwn, reply
 * options as buttons carrying registry tokens, an "open form" button where the person owes free text)
 * and queues it in the outbox; the outbox's sender posts it, paced and retried.
 *
 * <p>Every message goes to the person's Slack user id, whatever conversation the address names:
 * {@code chat.postMessage} to a user id posts in the app's DM with them, and one conversation key per
 * person keeps all their messages in order and paced together.
 */
final class SlackChannel implements Channel {
    static final String NAME = "slack";

    private final Outbox outbox;
    private final ButtonRegistry buttons;

    SlackChannel(Outbox outbox, ButtonRegistry buttons) {
        this.outbox = outbox;
        this.buttons = buttons;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutboundMessage message) {
        ChannelIdentity to = message.to().identity();
        if (!NAME.equals(to.channel())) {
            throw new IllegalArgumentException("the Slack channel cannot deliver to " + to);
        }
        List<ReplyOption> options = new ArrayList<>();
        message.awaits().map(Form::of).ifPresent(form -> options.add(form.option()));
        options.addAll(message.options());
        List<String> tokens = options.isEmpty() ? List.of() : buttons.register(to, options);
        List<SlackMessage.Button> rendered = IntStream.range(0, options.size())
                .mapToObj(i -> new SlackMessage.Button(options.get(i).label(), tokens.get(i)))
                .toList();
        String user = SlackIdentities.userOf(to);
        outbox.append(SlackMessage.render(user, message.text(), rendered).stream()
                .map(body -> new OutboxEntry(user, body))
                .toList());
    }
}
