package com.disputeassistant.telegram;

import static com.disputeassistant.telegram.TelegramTestApp.MEDIATOR_MARIA;
import static com.disputeassistant.telegram.TelegramTestApp.MEDIATOR_OMAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.conversation.InboundMessage;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.testing.RedisTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mediators' room on Telegram: a group where every hand-off gets one card with a Claim button and a
 * thread (a reply chain, or a forum topic), where the claiming mediator talks to the parties and acts.
 * The parties are Telegram users (Alice and Bob on ORD-1), or a web user (Carol on ORD-2, whose expert is Bob
 * on Telegram), and two Telegram mediators are allow-listed.
 */
class TelegramMediatorsRoomIT {
    private static final long ROOM = -1001234567890L;
    private static final long STRANGER = 100009;
    private static final Address CAROL = Address.of(ChannelIdentity.of("web:carol"));

    private final FakeBotApi api = new FakeBotApi();
    private final String prefix = RedisTestSupport.uniquePrefix();
    private BotInstance bot;
    private TelegramUser alice;
    private TelegramUser bob;
    private TelegramUser room;
    private DisputeId disputeId;

    @AfterEach
    void stop() {
        bot.closeAll();
    }

    private void start(boolean topics) {
        bot = BotInstance.start(api, prefix, Map.of("dispute.telegram.mediators-chat", Long.toString(ROOM),
                "dispute.telegram.mediators-chat-topics", Boolean.toString(topics), TelegramTestApp.WEB_CHANNEL, "true"));
        alice = bot.user(100001);
        bob = bot.user(100002);
        // What the bot posted in the room, read like a user's chat.
        room = bot.user(ROOM);
    }

    @Test
    void aHandOffGetsOneCardAndItsReplyChainCarriesTheWholeMediation() {
        start(false);
        openDisputeAboutOrd1();
        bob.says("/human");

        FakeBotApi.Request card = handOffs(1).get(0);
        int cardId = api.messageIdOf(card);
        assertThat(card.json().has("reply_to_message_id")).isFalse();

        int byStranger = pressInRoom(STRANGER, "Claim");
        assertThat(answerTo(byStranger)).contains("only mediators can use the buttons");
        assertThat(dispute().mediator()).isEmpty();

        pressInRoom(MEDIATOR_MARIA, "Claim");
        room.received("You claimed dispute");
        assertThat(roomMessage("You claimed dispute").json().path("reply_to_message_id").asInt()).isEqualTo(cardId);
        alice.received("A human mediator has taken over");
        bob.received("A human mediator has taken over");
        pressInRoom(MEDIATOR_OMAR, "Claim");
        room.received("is handled by");
        assertThat(roomMessage("is handled by").json().path("reply_to_message_id").asInt()).isEqualTo(cardId);
        assertThat(dispute().mediator()).contains("telegram:" + MEDIATOR_MARIA);
        // One card for both mediators, and nothing to them in private.
        assertThat(handOffs(1)).hasSize(1);
        assertThat(api.messagesTo(MEDIATOR_MARIA)).isEmpty();
        assertThat(api.messagesTo(MEDIATOR_OMAR)).isEmpty();

        alice.says("When will chapters 4 and 5 be done?");
        room.received("Alice: When will chapters 4 and 5 be done?");
        FakeBotApi.Request relayed = roomMessage("Alice: When will chapters 4 and 5 be done?");
        assertThat(relayed.json().path("reply_to_message_id").asInt()).isEqualTo(cardId);
        // Copies for several mediators are posted once, but a party saying the same thing twice is shown twice.
        alice.says("Hello?");
        alice.says("Hello?");
        Await.until("both of Alice's messages in the room",
                () -> room.texts().stream().filter(text -> text.equals("Alice: Hello?")).count() == 2);

        // A reply to any of the bot's posts in the chain is about the dispute.
        writeInRoom(MEDIATOR_MARIA, "Bob will edit them by Friday", api.messageIdOf(relayed));
        alice.received("Bob will edit them by Friday");
        bob.received("Bob will edit them by Friday");
        writeInRoom(MEDIATOR_MARIA, "/to@" + FakeBotApi.BOT_USERNAME + " client Please check them on Saturday", cardId);
        alice.received("Please check them on Saturday");
        room.received("Passed on to Alice");
        assertThat(bob.texts()).noneMatch(text -> text.contains("Please check them on Saturday"));

        pressInRoom(MEDIATOR_MARIA, "Resume at: talking it out");
        alice.received("we continue at: talking it out");
        bob.received("we continue at: talking it out");
        assertThat(dispute().step()).isEqualTo(Step.TALKING);
        // The bot continues: the parties talk to each other again, not to the mediator.
        bob.says("Done, chapters 4 and 5 are edited");
        alice.received("Bob: Done, chapters 4 and 5 are edited");

        alice.says("/human");
        // The dispute's second hand-off goes to its thread, under the same card.
        assertThat(handOffs(2).get(1).json().path("reply_to_message_id").asInt()).isEqualTo(cardId);
        pressInRoom(MEDIATOR_OMAR, "Claim");
        room.received("You claimed dispute");
        writeInRoom(MEDIATOR_OMAR, "/fee 600", cardId);
        alice.received("the expert is paid 600.00 EUR and the client is refunded 400.00 EUR");
        bob.received("the expert is paid 600.00 EUR and the client is refunded 400.00 EUR");
        Dispute closed = dispute();
        assertThat(closed.outcome().orElseThrow().type()).isEqualTo(OutcomeType.DECIDED_BY_MEDIATOR);
        assertThat(api.messagesTo(ROOM)).filteredOn(r -> !r.json().has("reply_to_message_id")).containsExactly(card);
    }

    @Test
    void inAForumEachDisputeGetsATopicAndMessagesInItAreAboutThatDispute() {
        start(true);
        openDisputeAboutOrd1();
        bob.says("/human");

        FakeBotApi.Request card = handOffs(1).get(0);
        FakeBotApi.Request topicCall = api.awaitRequest(Await.DEFAULT, "createForumTopic", r -> true);
        assertThat(topicCall.text("chat_id")).isEqualTo(Long.toString(ROOM));
        assertThat(topicCall.text("name")).contains(dispute().id().value());
        int topic = card.json().path("message_thread_id").asInt();
        assertThat(topic).isPositive();

        pressInRoom(MEDIATOR_MARIA, "Claim");
        room.received("You claimed dispute");
        assertThat(roomMessage("You claimed dispute").json().path("message_thread_id").asInt()).isEqualTo(topic);
        bob.says("I need one more week");
        room.received("Bob: I need one more week");

        int update = api.sendInGroup(ROOM, MEDIATOR_MARIA, "One more week is fine", topic, null);
        bot.user(MEDIATOR_MARIA).awaitHandled(update);
        alice.received("One more week is fine");
        bob.received("One more week is fine");
        assertThat(api.requests("createForumTopic")).hasSize(1);
    }

    @Test
    void aDisputeAcrossChannelsIsRelayedBetweenTheRoomTheWebClientAndTheTelegramExpert() {
        start(false);
        RecordingWebChannel web = bot.bean(RecordingWebChannel.class);
        carolSays("menu");
        carolPicks("Dispute ORD-2");
        carolPicks("Delivered, not acceptable");
        carolSays("The thesis was not proofread");
        bob.received("Carol opened dispute");
        disputeId = bot.bean(DisputeStore.class).openDisputesOf(new PersonId("carol")).get(0);
        carolSays("human");

        handOffs(1);
        pressInRoom(MEDIATOR_OMAR, "Claim");
        room.received("You claimed dispute");
        bob.received("A human mediator has taken over");
        Await.until("Carol told of the take-over", () -> web.textsTo("web:carol").stream()
                .anyMatch(text -> text.contains("A human mediator has taken over")));

        carolSays("Where is my thesis?");
        room.received("Carol: Where is my thesis?");
        int cardId = api.messageIdOf(handOffs(1).get(0));
        writeInRoom(MEDIATOR_OMAR, "/to client Bob sends it tonight", cardId);
        assertThat(web.textsTo("web:carol")).anyMatch(text -> text.contains("Bob sends it tonight"));
        writeInRoom(MEDIATOR_OMAR, "Thank you both for your patience", cardId);
        bob.received("Thank you both for your patience");
        assertThat(web.textsTo("web:carol")).anyMatch(text -> text.contains("Thank you both for your patience"));
        assertThat(bob.texts()).noneMatch(text -> text.contains("Bob sends it tonight"));
    }

    @Test
    void theRoomsTopLevelAndPeopleWhoAreNotMediatorsGetAShortExplanation() {
        start(false);
        writeInRoom(MEDIATOR_MARIA, "Anything new?", null);
        room.received("To act on a dispute, write in its thread");
        writeInRoom(MEDIATOR_MARIA, "/queue@" + FakeBotApi.BOT_USERNAME, null);
        room.received("No dispute is waiting for a mediator");
        writeInRoom(STRANGER, "/queue", null);
        room.received("only mediators can act here");
        // Nothing of it reached anyone privately.
        assertThat(api.messagesTo(MEDIATOR_MARIA)).isEmpty();
        assertThat(api.messagesTo(STRANGER)).isEmpty();
    }

    private void carolSays(String text) {
        turnOfCarol(InboundMessage.text(CAROL, text));
    }

    private void carolPicks(String label) {
        turnOfCarol(InboundMessage.option(CAROL, bot.bean(RecordingWebChannel.class).optionId("web:carol", label)));
    }

    /** Carol is on the web: her turns go to the engine as the playground hands them over. */
    private void turnOfCarol(InboundMessage message) {
        bot.bean(ConversationEngine.class).handleCounted(message, bot.bean(Delivery.class));
    }

    private void openDisputeAboutOrd1() {
        alice.opensDispute("ORD-1", "Delivered, not acceptable", "Chapters 4 and 5 were not edited at all");
        bob.received("try to solve this together");
        disputeId = bot.bean(DisputeStore.class).openDisputesOf(new PersonId("alice")).get(0);
    }

    private Dispute dispute() {
        return bot.bean(DisputeStore.class).load(disputeId).orElseThrow().dispute();
    }

    /** The dispute's hand-off announcements in the room, once there are {@code count} of them. */
    private List<FakeBotApi.Request> handOffs(int count) {
        String start = "Dispute " + disputeId + " about order";
        Await.until(count + " hand-offs in the room", () -> api.messagesTo(ROOM).stream()
                .filter(m -> m.text("text").startsWith(start)).count() >= count);
        return api.messagesTo(ROOM).stream().filter(m -> m.text("text").startsWith(start)).toList();
    }

    /** The newest message the bot posted in the room that contains {@code text}. */
    private FakeBotApi.Request roomMessage(String text) {
        List<FakeBotApi.Request> matching = api.messagesTo(ROOM).stream()
                .filter(m -> TelegramUser.unescape(m.text("text")).contains(text)).toList();
        assertThat(matching).as("room messages with \"%s\"", text).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private int pressInRoom(long user, String label) {
        int update = api.pressInGroup(ROOM, user, room.callbackData(label));
        bot.user(user).awaitHandled(update);
        return update;
    }

    private void writeInRoom(long user, String text, Integer replyTo) {
        bot.user(user).awaitHandled(api.sendInGroup(ROOM, user, text, null, replyTo));
    }

    private String answerTo(int pressUpdateId) {
        return api.awaitRequest(Await.DEFAULT, "answerCallbackQuery",
                r -> FakeBotApi.queryId(pressUpdateId).equals(r.text("callback_query_id"))).text("text");
    }
}
