package com.disputeassistant.conversation;

import com.disputeassistant.testing.QueuedChannel;
import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.inbound.ChatAnswer;
import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.inbound.ConfirmedEmails;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.LinkedMarketplace;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.store.RedisIdentityLinks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one inbound path, as every channel uses it, on a real Redis and a real engine: who is known (and
 * linked by a confirmed e-mail address), presses checked against who they were for, a number typed
 * instead of a press, the mediators' room policy, and redeliveries answered once.
 */
class ChatInboundIT {
    private static final String ROOM = "CROOM";
    private static final ChannelIdentity ALICE = ChannelIdentity.of("web:alice");
    private static final ChannelIdentity BOB = ChannelIdentity.of("web:bob");
    private static final ChannelIdentity MARIA = ChannelIdentity.of("web:maria");
    private static final ChannelIdentity STRANGER = ChannelIdentity.of("web:zed");

    private final ConversationFixture fixture = new ConversationFixture();
    private final RedisIdentityLinks links = new RedisIdentityLinks(fixture.redis, fixture.prefix, fixture.clock);
    private final LinkedMarketplace marketplace = new LinkedMarketplace(fixture.marketplace, links);
    private final ConversationEngine engine = new ConversationEngine(marketplace, fixture.store,
            ConversationFixture.SETTINGS, fixture.clock);
    private final ButtonRegistry buttons = new ButtonRegistry(fixture.redis, fixture.prefix);
    private final ReplyTokens tokens = new ReplyTokens(buttons);
    /** Where the inbound path's replies are queued; what it queued is what was sent. */
    private final QueuedChannel channel = new QueuedChannel(fixture.redis, fixture.prefix);
    private final ChatRoom room = ChatRoom.threaded(fixture.redis, fixture.prefix, "web", ROOM,
            ConversationFixture.SETTINGS);
    /** A platform that confirmed carol's address for web:carol-elsewhere, and nobody else's. */
    private final ConfirmedEmails emails = new ConfirmedEmails() {
        @Override
        public String channel() {
            return "web";
        }

        @Override
        public Optional<String> confirmedEmail(ChannelIdentity identity) {
            return identity.id().equals("carol-elsewhere") ? Optional.of("Carol@Example.org") : Optional.empty();
        }
    };
    private final ChatInbound inbound = new ChatInbound(engine, new Delivery(List.of(channel)), marketplace, links, ConversationFixture.SETTINGS, fixture.store, buttons, List.of(room), List.of(emails));

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private ChatAnswer says(ChannelIdentity who, String text, String deliveryId) {
        return inbound.handle(ChatEvent.Text.direct(who, who.id(), text, deliveryId));
    }

    private OutboundMessage lastTo(ChannelIdentity who) {
        for (int i = channel.queued().size() - 1; i >= 0; i--) {
            if (channel.queued().get(i).to().identity().equals(who)) {
                return channel.queued().get(i);
            }
        }
        throw new AssertionError("nothing was sent to " + who);
    }

    /** The tokens of the buttons of the latest message to a person, as a channel would render them. */
    private List<ReplyTokens.Button> buttonsOfLast(ChannelIdentity who) {
        return tokens.forRecipient(lastTo(who), List.of());
    }

    @Test
    void aStrangerIsToldHowToBecomeKnownAndNothingElseHappens() {
        ChatAnswer answer = says(STRANGER, "menu", "web:1");

        assertThat(answer).isInstanceOf(ChatAnswer.Notice.class);
        assertThat(((ChatAnswer.Notice) answer).text()).contains("I don't know you yet").contains("web:zed");
        assertThat(channel.queued()).isEmpty();
    }

    @Test
    void aPersonWhoseConfirmedAddressIsAnAccountsIsLinkedToIt() {
        ChannelIdentity carol = ChannelIdentity.of("web:carol-elsewhere");

        assertThat(says(carol, "menu", "web:2")).isInstanceOf(ChatAnswer.Done.class);

        assertThat(marketplace.personByIdentity(carol)).map(p -> p.id()).contains(new PersonId("carol"));
        assertThat(lastTo(carol).text()).contains("You have no orders that can be disputed");
    }

    @Test
    void aPressCountsOnlyForWhomItWasSentAndATypedNumberPicksThatOption() {
        says(ALICE, "menu", "web:3");
        List<ReplyTokens.Button> menu = buttonsOfLast(ALICE);

        ChatAnswer byBob = inbound.handle(new ChatEvent.Press(BOB, BOB.id(), menu.get(0).token(), "web:4"));
        assertThat(byBob).isEqualTo(new ChatAnswer.Notice("This button was sent to someone else, so it does nothing for you."));

        int picked = menu.indexOf(menu.stream().filter(b -> b.label().contains("ORD-1")).findFirst().orElseThrow());
        says(ALICE, Integer.toString(picked + 1), "web:5");
        assertThat(lastTo(ALICE).text()).contains("What is the problem?");
    }

    @Test
    void aNumberIsTextWhereTheStepTakesText() {
        says(ALICE, "menu", "web:6");
        buttonsOfLast(ALICE);
        says(ALICE, "1", "web:7");
        inbound.handle(new ChatEvent.Press(ALICE, ALICE.id(), buttonsOfLast(ALICE).stream()
                .filter(b -> b.label().startsWith("Delivered, not acceptable")).findFirst().orElseThrow().token(), "web:8"));
        buttonsOfLast(ALICE);

        says(ALICE, "2", "web:9");

        assertThat(fixture.store.load(fixture.store.openDisputesOf(new PersonId("alice")).get(0)).orElseThrow()
                .dispute().description()).as("the description alice owed").isPresent();
    }

    @Test
    void aNoticeToldAsAMessageIsQueuedWithItsMarkerOncePerDelivery() {
        ChatEvent.Text event = ChatEvent.Text.direct(STRANGER, STRANGER.id(), "hello", "web:tell-1");

        inbound.tell(event, "Write to us from your marketplace account.");
        inbound.tell(event, "Write to us from your marketplace account.");

        assertThat(channel.queued()).extracting(OutboundMessage::text)
                .containsExactly("Write to us from your marketplace account.");
        assertThat(fixture.store.wasHandled("web:tell-1")).isTrue();
    }

    @Test
    void aRedeliveredMessageIsAnsweredOnce() {
        says(ALICE, "menu", "web:10");
        int before = channel.queued().size();

        assertThat(says(ALICE, "menu", "web:10")).isEqualTo(new ChatAnswer.Seen());
        assertThat(channel.queued()).hasSize(before);
    }

    @Test
    void inTheRoomOnlyMediatorsActAndOnlyCommandsThatNameNoDisputeWorkAtTheTopLevel() {
        ChatAnswer alicesWord = inbound.handle(new ChatEvent.Text(ALICE, ROOM, null, "hello", "web:11"));
        assertThat(((ChatAnswer.Notice) alicesWord).text()).contains("only mediators can act here");

        ChatAnswer wrongPlace = inbound.handle(new ChatEvent.Text(MARIA, ROOM, null, "/fee 300", "web:12"));
        assertThat(((ChatAnswer.Notice) wrongPlace).text()).contains("write in its thread");

        assertThat(inbound.handle(new ChatEvent.Text(MARIA, ROOM, null, "/queue", "web:13")))
                .isEqualTo(new ChatAnswer.Done(1));
        assertThat(lastTo(MARIA).text()).contains("No dispute is waiting for a mediator");
        assertThat(lastTo(MARIA).to().conversation()).isEqualTo(ROOM);
    }

    @Test
    void aMessageInADisputesThreadIsAboutThatDispute() {
        says(ALICE, "menu", "web:14");
        DisputeId opened;
        inbound.handle(new ChatEvent.Press(ALICE, ALICE.id(), buttonsOfLast(ALICE).stream()
                .filter(b -> b.label().contains("ORD-1")).findFirst().orElseThrow().token(), "web:15"));
        opened = fixture.store.openDisputesOf(new PersonId("alice")).get(0);
        room.rememberThread(opened, "thread-1");

        inbound.handle(new ChatEvent.Text(MARIA, ROOM, "thread-1", "/summary", "web:16"));

        assertThat(lastTo(MARIA).about()).contains(opened);
        assertThat(lastTo(MARIA).text()).contains("is not with a mediator");
    }
}
