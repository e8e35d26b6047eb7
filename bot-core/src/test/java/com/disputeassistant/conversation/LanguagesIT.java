package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.language.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each person reads the bot in their own language: one turn tells a German client and an English expert
 * the same news, each in theirs. The choice is the person's ({@code /language}), else the marketplace's,
 * else their app's.
 */
class LanguagesIT {
    private final ConversationFixture fixture = new ConversationFixture();
    private final Chat chat = new Chat(fixture.newEngine());
    private final Chat.Person alice = chat.as("web:alice");
    private final Chat.Person bob = chat.as("web:bob");
    private final Chat.Person dana = chat.as("web:dana");
    private final Chat.Person erik = chat.as("web:erik");
    private final Chat.Person frida = chat.as("web:frida");
    private final Chat.Person maria = chat.as("web:maria");
    private final Chat.Person omar = chat.as("web:omar");

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    @Test
    void aClientSwitchesToGermanMidDisputeWhileTheExpertStaysInEnglish() {
        alice.says("/dispute").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        alice.says("Chapters 4 and 5 were not edited at all").received("I've told Bob about the dispute");
        bob.received("try to solve this together");

        alice.says("/language").received("Which language should I use with you?").isOffered("English", "Deutsch");
        alice.presses("Deutsch").received("Ab jetzt schreibe ich Ihnen auf Deutsch.")
                .received("Versuchen Sie bitte zuerst, das gemeinsam zu lösen").isOffered("Eskalieren", "Hilfe");

        bob.says("I did edit them, please look again");
        alice.received("Bob: I did edit them, please look again");
        bob.received("Passed on to Alice.");
        alice.presses("Eskalieren").received("Prüfen wir die vereinbarten Bedingungen des Auftrags ORD-1")
                .received("Preis: 1000,00 EUR").isOffered("Diese Bedingungen gelten", "Unklar oder falsch");
        bob.received("Alice escalated the dispute.").received("Let's check the agreed terms of order ORD-1")
                .received("Price: 1000.00 EUR").isOffered("These terms apply");

        alice.says("/language en").received("From now on I'll write to you in English.")
                .received("Do these terms apply?").isOffered("These terms apply");
    }

    @Test
    void theAppsLanguageIsUsedAndKeptUntilThePersonChoosesOtherwise() {
        dana.says("menu", Language.DE).received("Was möchten Sie tun?").isOffered("Streitfall zu ORD-2", "Hilfe");
        assertThat(fixture.redis.hget(fixture.prefix + "languages", "person:dana|hint")).isEqualTo("de");
        dana.presses("Streitfall zu ORD-2").received("Worin besteht das Problem?")
                .presses("Nicht geliefert / verspätet").received("Bitte beschreiben Sie das Problem");
        dana.says("Es wurde gar nichts geliefert").received("Ich habe Erik über den Streitfall informiert");
        erik.received("Dana opened dispute").received("Reason: not delivered / late");

        // Erik's news reaches Dana in German though Erik wrote in English: the stored hint counts.
        erik.presses("Escalate");
        dana.received("Erik hat den Streitfall eskaliert.").received("Gelten diese Bedingungen?")
                .received("800,00 USD");

        dana.says("/language en").received("From now on I'll write to you in English.");
        dana.says("help").received("I help clients and experts");
    }

    @Test
    void aChoiceWinsOverTheMarketplaceWhichWinsOverTheApp() {
        frida.says("menu", Language.EN).received("Sie haben keine Aufträge").isOffered("Hilfe");
        frida.says("/language en").received("From now on I'll write to you in English.");
        frida.says("menu", Language.DE).received("You have no orders");
        frida.says("/language xx").received("I don't speak \"xx\"").isOffered("English", "Deutsch");
        frida.says("/sprache de").received("Ab jetzt schreibe ich Ihnen auf Deutsch.");
    }

    @Test
    void aMediatorChoosesTooAndEachMediatorHearsOfAHandOffInTheirOwnLanguage() {
        maria.says("/language de").received("Ab jetzt schreibe ich Ihnen auf Deutsch.");
        alice.says("/dispute").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        alice.says("Chapters 4 and 5 were not edited at all");
        alice.presses("Talk to a human").received("A human mediator will take over this dispute");
        maria.received("braucht eine Vermittlung: eine Partei hat nach einem Menschen gefragt").isOffered("Übernehmen");
        omar.received("needs a mediator: a party asked for a human").isOffered("Claim");

        maria.presses("Übernehmen").received("Sie haben den Streitfall").received("Kurz gefasst:");
        alice.received("A human mediator has taken over.");
        maria.says("Guten Tag, ich sehe mir das an.");
        alice.received("Guten Tag, ich sehe mir das an.");
        maria.received("An Alice und Bob weitergeleitet.");
    }
}
