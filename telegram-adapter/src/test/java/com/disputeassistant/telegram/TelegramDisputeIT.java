package com.disputeassistant.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.testing.RedisTestSupport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole conversations through Telegram, long polling against the fake Bot API: the client and the
 * expert of ORD-1 are both Telegram users and press the buttons the bot actually sent.
 */
class TelegramDisputeIT {
    private final FakeBotApi api = new FakeBotApi();
    private final String prefix = RedisTestSupport.uniquePrefix();
    private final BotInstance bot = BotInstance.start(api, prefix);
    private final TelegramUser alice = bot.user(100001);
    private final TelegramUser bob = bot.user(100002);

    @AfterEach
    void stop() {
        bot.closeAll();
    }

    @Test
    void aWholeDisputeFromSlashDisputeToAClosedOutcome() {
        alice.says("/dispute").received("What would you like to do?");
        alice.presses("Dispute ORD-1");
        alice.received("What is the problem?");
        alice.presses("Delivered, not acceptable");
        alice.received("describe the problem");
        alice.says("Chapters 4 and 5 were not edited at all").received("I've told Bob about the dispute");
        bob.received("Alice opened dispute").received("try to solve this together");

        bob.says("Sorry, I will do them this week");
        alice.received("Bob: Sorry, I will do them this week");
        alice.presses("We solved it");
        alice.received("waiting for Bob to confirm");
        bob.received("Alice says the dispute is solved");
        bob.presses("Yes, it's solved");
        bob.received("you solved it together");
        alice.received("you solved it together");

        DisputeStore store = bot.bean(DisputeStore.class);
        assertThat(store.openDisputesOf(new PersonId("alice"))).isEmpty();
        DisputeId id = disputeIdIn(alice.texts());
        assertThat(store.load(id).orElseThrow().dispute().outcome().orElseThrow().type())
                .isEqualTo(OutcomeType.RESOLVED_BY_PARTIES);
        // Every press was acknowledged, with no text since each was accepted.
        List<FakeBotApi.Request> answers = api.requests("answerCallbackQuery");
        assertThat(answers).hasSize(4).allSatisfy(answer -> assertThat(answer.text("text")).isNull());
        assertThat(api.messagesTo(100001)).allSatisfy(m -> assertThat(m.text("parse_mode")).isEqualToIgnoringCase("HTML"));
    }

    @Test
    void aWholeDisputeInGermanForPeopleWhoseTelegramIsInGerman() {
        api.language(alice.id(), "de");
        api.language(bob.id(), "de");
        // The bot learns Bob's language when he first writes: until then it can only guess English.
        bob.says("/help").received("Ich helfe Auftraggebern und Experten");
        alice.says("/dispute").received("Was möchten Sie tun?");
        alice.presses("Streitfall zu ORD-1");
        alice.received("Worin besteht das Problem?");
        alice.presses("Geliefert, nicht annehmbar");
        alice.received("Bitte beschreiben Sie das Problem");
        alice.says("Kapitel 4 und 5 wurden gar nicht lektoriert").received("Ich habe Bob über den Streitfall informiert");
        bob.received("Alice hat den Streitfall").received("Grund: geliefert, aber nicht annehmbar")
                .received("Versuchen Sie bitte zuerst, das gemeinsam zu lösen");

        bob.says("Das tut mir leid");
        alice.received("Bob: Das tut mir leid");
        alice.presses("Eskalieren");
        alice.received("Gelten diese Bedingungen?");
        bob.received("Alice hat den Streitfall eskaliert.").received("Preis: 1000,00 EUR");
        alice.presses("Diese Bedingungen gelten");
        alice.received("Ich warte darauf, dass Bob sie ebenfalls bestätigt");
        bob.presses("Diese Bedingungen gelten");
        alice.received("Was muss Bob noch erledigen");
        alice.says("Ich bin nicht zufrieden").received("Das ist keine Aufgabe, deren Erledigung jemand prüfen kann");
        alice.says("Kapitel 4 und 5 Zeile für Zeile lektorieren").received("Aufgabe #1 hinzugefügt.");
        alice.presses("Die Liste ist vollständig");
        bob.received("#1 Kapitel 4 und 5 Zeile für Zeile lektorieren");
        bob.presses("Liste annehmen");
        alice.received("Wer soll diese Aufgaben erledigen");
        alice.presses("Derselbe Experte");
        bob.received("Bitte erledigen Sie diese Aufgaben und liefern Sie bis");
        bob.presses("#1 erledigt");
        bob.presses("Liefern");
        alice.received("Bob hat erneut geliefert").received("laut Experte erledigt");
        alice.presses("#1 erledigt");
        alice.received("Der Auftraggeber hat die Arbeit nach der Nachbesserung angenommen")
                .received("Der Experte erhält den vollen Betrag (1000,00 EUR)");
        bob.received("Der Auftraggeber hat die Arbeit nach der Nachbesserung angenommen");

        DisputeId id = bot.bean(DisputeStore.class).openDisputesOf(new PersonId("alice")).isEmpty()
                ? null : bot.bean(DisputeStore.class).openDisputesOf(new PersonId("alice")).get(0);
        assertThat(id).as("the dispute is closed").isNull();
        assertThat(alice.texts()).noneMatch(text -> text.contains("What would you like") || text.contains("Please "));
    }

    @Test
    void theCommandsAreRegisteredInEachLanguageAndMappedToTheEnginesWords() {
        api.awaitRequest(Await.DEFAULT, "setMyCommands", r -> r.json().has("language_code"));
        assertThat(api.requests("setMyCommands").get(0).json().path("commands").findValuesAsText("command"))
                .containsExactly("start", "dispute", "help", "human", "language");
        FakeBotApi.Request german = api.requests("setMyCommands").stream()
                .filter(r -> "de".equals(r.json().path("language_code").asText())).findFirst().orElseThrow();
        assertThat(german.json().path("commands").findValuesAsText("description"))
                .contains("Ihre Aufträge und Streitfälle", "Die Sprache wählen, in der ich schreibe");
        assertThat(api.requests("deleteWebhook")).isNotEmpty();

        alice.says("/help").received("I help clients and experts settle a disputed order");
        alice.says("/start").received("Hello! I'm Dispute Assistant").received("What would you like to do?");
        alice.says("/dispute").presses("Dispute ORD-1");
        alice.says("/human").received("A human mediator will take over");
        alice.says("/language de").received("Ab jetzt schreibe ich Ihnen auf Deutsch.")
                .received("Eine Vermittlerin oder ein Vermittler übernimmt diesen Streitfall");
    }

    @Test
    void userTextFullOfMarkupIsEscapedAndReadsAsWritten() {
        openDisputeAboutOrd1();
        String markup = "<b>not bold</b> & </a> <a href=\"https://evil.example\">click</a> &amp;";

        alice.says(markup);

        bob.received("Alice: " + markup);
        String html = bob.html().get(bob.html().size() - 1);
        assertThat(html).contains("&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;/a&gt; &lt;a href=\"https://evil.example\"&gt;"
                + "click&lt;/a&gt; &amp;amp;").doesNotContain("<b>", "</a>", "<a ");
    }

    @Test
    void aButtonPressedByTheWrongUserOrTwiceIsRefusedAndChangesNothing() {
        alice.says("/dispute").received("What would you like to do?");
        String disputeButton = alice.callbackData("Dispute ORD-1");

        int byBob = api.press(bob.id(), disputeButton);
        bob.awaitHandled(byBob);

        assertThat(answerTo(byBob)).contains("sent to someone else");
        assertThat(bot.bean(DisputeStore.class).openDisputesOf(new PersonId("alice"))).isEmpty();
        assertThat(bob.texts()).isEmpty();

        alice.presses("Dispute ORD-1");
        alice.received("What is the problem?");
        String reason = alice.callbackData("Delivered, not acceptable");
        int first = api.press(alice.id(), reason);
        alice.awaitHandled(first);
        alice.received("describe the problem");
        int messagesBefore = alice.texts().size();
        int second = api.press(alice.id(), reason);
        alice.awaitHandled(second);

        assertThat(answerTo(first)).isNull();
        assertThat(answerTo(second)).contains("already answered");
        assertThat(alice.texts()).hasSize(messagesBefore);
        assertThat(bot.bean(DisputeStore.class).openDisputesOf(new PersonId("alice"))).hasSize(1);
    }

    @Test
    void theSameUpdateDeliveredTwiceIsAppliedOnce() {
        alice.says("/dispute").received("What would you like to do?");
        var press = api.pressUpdate(alice.id(), alice.callbackData("Dispute ORD-1"));
        // Twice in one answer to getUpdates, as after a retry on Telegram's side.
        api.queue(press);
        api.queue(press);
        alice.awaitHandled(press.path("update_id").asInt());
        // Updates are handled in order: once a later one is handled, so are both copies.
        bot.user(100009).says("hello");
        alice.received("What is the problem?");

        assertThat(alice.texts()).filteredOn(t -> t.contains("What is the problem?")).hasSize(1);
        assertThat(api.requests("answerCallbackQuery")).hasSize(1);
        assertThat(bot.bean(DisputeStore.class).openDisputesOf(new PersonId("alice"))).hasSize(1);
    }

    @Test
    void aPersonTheMarketplaceDoesNotKnowIsToldHowToLinkAndNothingElseHappens() {
        TelegramUser stranger = bot.user(100009);

        stranger.says("/dispute").received("I don't know this Telegram account yet").received("100009");
        stranger.says("I want my money back");

        Await.until("the second answer", () -> stranger.texts().size() >= 2);
        assertThat(stranger.texts()).hasSize(2).allSatisfy(text -> assertThat(text).contains("link it to your marketplace"));
        assertThat(api.messagesTo(100009)).allSatisfy(m -> assertThat(m.json().has("reply_markup")).isFalse());
    }

    @Test
    void aStrangerWhoseTelegramIsInGermanIsToldInGermanHowToLink() {
        TelegramUser stranger = bot.user(100009);
        api.language(stranger.id(), "de");

        stranger.says("/dispute").received("Ich kenne dieses Telegram-Konto noch nicht").received("100009");
    }

    @Test
    void aMessageThatIsNotTextGetsAnExplanation() {
        var sticker = api.textUpdate(alice.id(), "x");
        ((com.fasterxml.jackson.databind.node.ObjectNode) sticker.path("message")).remove("text");
        api.queue(sticker);
        alice.awaitHandled(sticker.path("update_id").asInt());

        alice.received("not this kind of message");
    }

    @Test
    void withoutAMediatorsRoomEachMediatorIsToldPrivatelyAndClaimsThere() {
        TelegramUser maria = bot.user(TelegramTestApp.MEDIATOR_MARIA);
        TelegramUser omar = bot.user(TelegramTestApp.MEDIATOR_OMAR);
        openDisputeAboutOrd1();
        bob.says("/human");

        maria.received("needs a mediator");
        omar.received("needs a mediator");
        maria.presses("Claim");
        maria.received("You claimed dispute");
        alice.received("A human mediator has taken over");
        alice.says("Hello?");
        maria.received("Alice: Hello?");
        assertThat(api.requests("createForumTopic")).isEmpty();
    }

    private void openDisputeAboutOrd1() {
        alice.opensDispute("ORD-1", "Delivered, not acceptable", "Chapters 4 and 5 were not edited at all");
        bob.received("try to solve this together");
    }

    private String answerTo(int pressUpdateId) {
        return api.awaitRequest(Await.DEFAULT, "answerCallbackQuery",
                r -> FakeBotApi.queryId(pressUpdateId).equals(r.text("callback_query_id"))).text("text");
    }

    private static DisputeId disputeIdIn(List<String> texts) {
        String text = texts.stream().filter(t -> t.contains("Dispute D")).reduce((a, b) -> b).orElseThrow();
        int at = text.indexOf("Dispute D") + "Dispute ".length();
        return new DisputeId(text.substring(at, at + 8));
    }
}
