package com.disputeassistant.conversation;

import com.disputeassistant.testing.QueuedChannel;
import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversation scripts in the style of Bot Framework's TestFlow: who says or presses what, and what
 * each person receives. Messages the engine returns are delivered to per-identity inboxes, as a
 * channel would deliver them.
 */
final class Chat {
    private final ConversationEngine engine;
    private final Map<ChannelIdentity, List<OutboundMessage>> inboxes = new ConcurrentHashMap<>();
    private final List<QueuedChannel> channels = new CopyOnWriteArrayList<>();
    private final Map<QueuedChannel, Integer> collected = new ConcurrentHashMap<>();

    Chat(ConversationEngine engine) {
        this.engine = engine;
    }

    Person as(String identity) {
        return new Person(ChannelIdentity.of(identity));
    }

    /**
     * A {@code web} channel whose queued messages reach these inboxes, for what timers send: what their
     * commits queued shows in the inboxes when a test next looks.
     */
    Channel asChannel(ConversationFixture fixture) {
        QueuedChannel channel = new QueuedChannel(fixture.redis, fixture.prefix);
        channels.add(channel);
        return channel;
    }

    /** Puts what the channels' commits queued since the last look into the inboxes. */
    private synchronized void collectQueued() {
        for (QueuedChannel channel : channels) {
            List<OutboundMessage> queued = channel.queued();
            int seen = collected.getOrDefault(channel, 0);
            deliver(queued.subList(seen, queued.size()));
            collected.put(channel, queued.size());
        }
    }

    /** A spec reference, a raw enum or step name, or a channel identity: never in what people read. */
    private static final Pattern LEAK = Pattern.compile("\\(S\\d|\\b[A-Z][A-Z_]{3,}\\b|\\b(web|slack|telegram):\\S");
    /** Dispute ids (D and 7 capitals or digits) are references people use, like order numbers. */
    private static final Pattern DISPUTE_ID = Pattern.compile("\\bD[A-Z0-9]{7}\\b");

    /** Every text and button label anyone received in this chat that shows an internal code or an id. */
    List<String> leaks() {
        collectQueued();
        List<String> leaks = new ArrayList<>();
        inboxes.values().stream().flatMap(List::stream).forEach(message ->
                Stream.concat(Stream.of(message.text()), message.options().stream().map(ReplyOption::label)).forEach(text -> {
                    Matcher leak = LEAK.matcher(DISPUTE_ID.matcher(text).replaceAll("D-ID"));
                    while (leak.find()) {
                        leaks.add(leak.group() + " in: " + text);
                    }
                }));
        return leaks;
    }

    void assertNothingLeaks() {
        assertThat(leaks()).as("spec codes, enum names or channel ids in what people read").isEmpty();
    }

    void deliver(List<OutboundMessage> messages) {
        messages.forEach(m -> inboxes.computeIfAbsent(m.to().identity(), k -> new ArrayList<>()).add(m));
    }

    final class Person {
        private final ChannelIdentity identity;

        Person(ChannelIdentity identity) {
            this.identity = identity;
        }

        Address address() {
            return Address.of(identity);
        }

        Person says(String text) {
            deliver(engine.handle(InboundMessage.text(Address.of(identity), text)));
            return this;
        }

        /** Says something from an app that tells the person's language (Telegram's language_code, ...). */
        Person says(String text, Language hint) {
            deliver(engine.handle(InboundMessage.text(Address.of(identity), text).withLanguage(hint)));
            return this;
        }

        /** Says something as a platform delivers it: with the platform's id for the delivery. */
        Person delivers(String text, String deliveryId) {
            deliver(engine.handle(InboundMessage.text(Address.of(identity), text).withDeliveryId(deliveryId)));
            return this;
        }

        /** Sends files with a caption (may be empty), as a platform delivers them: with its id for the delivery. */
        Person sends(String caption, String deliveryId, IncomingFile... files) {
            deliver(engine.handle(InboundMessage.text(Address.of(identity), caption).withFiles(List.of(files))
                    .withDeliveryId(deliveryId)));
            return this;
        }

        /** Presses an option as a platform delivers the press: with the platform's id for the delivery. */
        Person deliversPress(String optionId, String deliveryId) {
            deliver(engine.handle(InboundMessage.option(Address.of(identity), optionId).withDeliveryId(deliveryId)));
            return this;
        }

        /** Presses the option whose label starts with this text, in the latest message that offers one. */
        Person presses(String label) {
            deliver(engine.handle(InboundMessage.option(Address.of(identity), optionId(label))));
            return this;
        }

        /** The id behind a label in the latest message that offers it, for pressing it later or twice. */
        String optionId(String label) {
            List<OutboundMessage> inbox = inbox();
            for (int i = inbox.size() - 1; i >= 0; i--) {
                for (ReplyOption option : inbox.get(i).options()) {
                    if (option.label().startsWith(label)) {
                        return option.id();
                    }
                }
            }
            throw new AssertionError(identity + " was never offered '" + label + "'; last message: " + last());
        }

        Person pressesId(String optionId) {
            deliver(engine.handle(InboundMessage.option(Address.of(identity), optionId)));
            return this;
        }

        List<OutboundMessage> inbox() {
            collectQueued();
            return inboxes.getOrDefault(identity, List.of());
        }

        OutboundMessage lastMessage() {
            List<OutboundMessage> inbox = inbox();
            assertThat(inbox).as("messages to %s", identity).isNotEmpty();
            return inbox.get(inbox.size() - 1);
        }

        String last() {
            return inbox().isEmpty() ? "(nothing)" : lastMessage().text();
        }

        List<String> labels() {
            return lastMessage().options().stream().map(ReplyOption::label).toList();
        }

        Person received(String text) {
            assertThat(last()).as("last message to %s", identity).contains(text);
            return this;
        }

        Person isOffered(String... labels) {
            for (String label : labels) {
                assertThat(labels()).as("options offered to %s", identity).anyMatch(l -> l.startsWith(label));
            }
            return this;
        }

        Person isNotOffered(String label) {
            assertThat(labels()).as("options offered to %s", identity).noneMatch(l -> l.startsWith(label));
            return this;
        }

        int messageCount() {
            return inbox().size();
        }
    }
}
