package com.disputeassistant.slack;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.slack.linking.SlackIdentities;
import com.disputeassistant.slack.sending.SlackMessage;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** A dispute option names its dispute and step: {@code d:<dispute>:<stepSeq>:<action>...}. */
    private static final Pattern DISPUTE_OPTION = Pattern.compile("d:([^:]+):(\\d+):.*");

    private final Outbox outbox;
    private final ButtonRegistry buttons;
    private final DisputeStore store;
    private final Marketplace marketplace;

    SlackChannel(Outbox outbox, ButtonRegistry buttons, DisputeStore store, Marketplace marketplace) {
        this.outbox = outbox;
        this.buttons = buttons;
        this.store = store;
        this.marketplace = marketplace;
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
        formDue(message).ifPresent(form -> options.add(form.option()));
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

    /**
     * The form for the free text this message asks its recipient for, if it asks for any: its options
     * name the dispute and step, and the stored dispute says, if it is still at that step, what the
     * person owes there.
     */
    private Optional<Form> formDue(OutboundMessage message) {
        Optional<Matcher> named = message.options().stream()
                .map(option -> DISPUTE_OPTION.matcher(option.id()))
                .filter(Matcher::matches)
                .findFirst();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredDispute> stored;
        int stepSeq;
        try {
            stored = store.load(new DisputeId(named.get().group(1)));
            stepSeq = Integer.parseInt(named.get().group(2));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Dispute> atStep = stored.map(StoredDispute::dispute).filter(d -> d.stepSeq() == stepSeq);
        return atStep.flatMap(d -> marketplace.personByIdentity(message.to().identity())
                .flatMap(person -> Form.due(d, person.id())));
    }
}
