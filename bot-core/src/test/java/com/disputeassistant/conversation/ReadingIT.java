package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.YamlMarketplace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What people read: no internal codes or ids, no sentence twice, a confirmation for every action,
 * the mediator's buttons only where they changed, and people reached where they are.
 */
class ReadingIT {
    private final ConversationFixture fixture = new ConversationFixture();
    private final Chat chat = new Chat(fixture.newEngine());
    private final Chat.Person alice = chat.as("web:alice");
    private final Chat.Person bob = chat.as("web:bob");
    private final Chat.Person carol = chat.as("web:carol");
    private final Chat.Person maria = chat.as("web:maria");
    private final Chat.Person omar = chat.as("web:omar");

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private void assertNothingLeaks() {
        chat.assertNothingLeaks();
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"MEDIATION", "CLOSED"}, mode = EnumSource.Mode.EXCLUDE)
    void noCodeEnumOrChannelIdInAnyMessageOnTheWayToEachStep(Step step) {
        Journeys.reach(step, alice, bob, maria);
        assertNothingLeaks();
    }

    @Test
    void noCodeEnumOrChannelIdInAMediatedDisputeWithItsTimelineAndTranscript() {
        Journeys.reach(Step.FEE, alice, bob, maria);
        alice.says("500");
        bob.says("900");
        alice.presses("Talk to a human");
        maria.presses("Claim").received("You claimed dispute");
        String timeline = allPages(maria, "/timeline");
        assertThat(timeline).contains("Alice: opened the dispute about order ORD-1")
                .contains("Bob: delivered again (from \"rework\" to \"checking the delivery\")");
        String transcript = allPages(maria, "/transcript");
        assertThat(transcript).contains("Bob to Dispute Assistant: 900");
        // The transcript quotes earlier messages whole, though they repeat each other.
        assertThat(occurrences(transcript, "What does Bob still need to do before you can accept the work?"))
                .isGreaterThan(1);
        omar.says("/claim " + maria.lastMessage().dispute().value()).received("is handled by maria");
        alice.says("I would settle for 600");
        maria.says("/fee 600").received("You decided a fee of 600.00 EUR");
        alice.received("closed by the mediator's decision");
        assertNothingLeaks();
    }

    /** Every page of the timeline or the transcript, as a mediator reads them one after the other. */
    private static String allPages(Chat.Person mediator, String command) {
        StringBuilder pages = new StringBuilder();
        mediator.says(command);
        int count = Integer.parseInt(mediator.last().replaceFirst("(?s).*?, page 1 of (\\d+).*", "$1"));
        for (int page = 1; page <= count; page++) {
            pages.append(mediator.says(command + " " + page).last()).append("\n");
        }
        return pages.toString();
    }

    @Test
    void theLeakCheckSeesACodeAnEnumNameAndAChannelId() {
        chat.deliver(List.of(new OutboundMessage(alice.address(), "Round 1 (S7) at TASK_REVIEW for web:bob", List.of())));
        assertThat(chat.leaks()).hasSize(3);
    }

    @Test
    void aRedeliveryIsSaidOnceInTheMessage() {
        Journeys.reach(Step.CHECK, alice, bob, maria);
        assertThat(alice.last()).contains("Please check each task");
        assertThat(occurrences(alice.last(), "Bob delivered again.")).as(alice.last()).isEqualTo(1);
        bob.presses("Talk to a human");
        assertThat(alice.inbox()).allSatisfy(message ->
                assertThat(occurrences(message.text(), "Bob delivered again.")).as(message.text()).isLessThanOrEqualTo(1));
    }

    @Test
    void relayedWordsAreConfirmedToTheSenderAndCarryNoButtons() {
        Journeys.reach(Step.TALKING, alice, bob, maria);
        bob.presses("No, not solved");
        assertThat(alice.lastMessage().options()).isNotEmpty();
        bob.says("I can fix chapter 4 tonight").received("Passed on to Alice");
        assertThat(bob.lastMessage().options()).as("the confirmation repeats no buttons").isEmpty();
        alice.received("Bob: I can fix chapter 4 tonight");
        assertThat(alice.lastMessage().options()).as("a relayed line repeats no buttons").isEmpty();
        // The buttons of the earlier prompt still work.
        alice.presses("Escalate");
        bob.received("Alice escalated the dispute");
    }

    @Test
    void aRequestForMoreTimeIsConfirmedToTheExpert() {
        Journeys.reach(Step.REWORK, alice, bob, maria);
        bob.presses("+2 days").received("I've asked Alice for 2 more day(s)");
        alice.received("Bob asked for more time");
        bob.says("I need 3 more days for the index").received("already asked for more time");
        alice.presses("Grant");
        bob.received("Alice granted the extension");
        bob.says("I need 3 more days for the index").received("I've asked Alice for 3 more day(s)");
    }

    @Test
    void theMediatorGetsTheButtonsOnceNotUnderRelayedLines() {
        Journeys.reach(Step.TASK_REVIEW, alice, bob, maria);
        bob.presses("#1 is outside the terms").presses("Accept the list");
        maria.presses("Claim").isOffered("#1 out of scope", "Release");

        alice.says("Task 1 is clearly in the terms").received("Passed on to maria");
        maria.received("Alice: Task 1 is clearly in the terms");
        assertThat(maria.lastMessage().options()).as("relayed party text").isEmpty();

        maria.says("I am looking at it").received("Passed on to Alice and Bob");
        assertThat(maria.lastMessage().options()).as("the relay's acknowledgement").isEmpty();
        assertThat(alice.lastMessage().options()).as("the mediator's relayed line").isEmpty();

        maria.says("/out 1").received("You ruled task #1 outside the agreed terms");
        assertThat(maria.labels()).as("the action changed what the mediator can do: buttons once, here")
                .noneMatch(label -> label.startsWith("#1 out of scope")).anyMatch(label -> label.startsWith("Release"));
    }

    @Test
    void aPartyWritingBeforeAnyMediatorClaimsIsToldTheMessageIsKept() {
        Journeys.reach(Step.TERMS, alice, bob, maria);
        alice.presses("Talk to a human");
        alice.says("Please hurry").received("No mediator has taken over yet").received("I've kept your message");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    // ---- reaching people where they are ----

    private static final String REACH_MARKETPLACE = """
            people:
              - id: gina
                name: Gina
                identities: [web:gina]
              - id: hank
                name: Hank
                identities: [web:hank, slack:T1/U2]
              - id: ivy
                name: Ivy
                identities: [web:ivy, slack:T1/U3]
                preferred: slack:T1/U3
            orders:
              - id: ORD-7
                title: Logo design
                client: gina
                expert: hank
                deliverables: [A logo]
                deadline: 2026-10-01
                currency: EUR
                price: 300.00
                paid: 300.00
                delivery: DELIVERED
              - id: ORD-8
                title: Brochure
                client: gina
                expert: ivy
                deliverables: [A brochure]
                deadline: 2026-10-01
                currency: EUR
                price: 200.00
                paid: 200.00
                delivery: DELIVERED
              - id: ORD-9
                title: Poster
                client: hank
                expert: ivy
                deliverables: [A poster]
                deadline: 2026-10-01
                currency: EUR
                price: 100.00
                paid: 100.00
                delivery: DELIVERED
            """;

    private Chat reachChat() {
        Marketplace marketplace = YamlMarketplace.fromStream(
                new ByteArrayInputStream(REACH_MARKETPLACE.getBytes(StandardCharsets.UTF_8)), "reach.yml");
        return new Chat(new ConversationEngine(marketplace, fixture.store, ConversationFixture.SETTINGS, fixture.clock));
    }

    @Test
    void anExpertListedOnWebThenSlackHearsOfTheDisputeOnBothUntilAnsweringOnSlack() {
        Chat chat = reachChat();
        Chat.Person gina = chat.as("web:gina");
        Chat.Person hankOnWeb = chat.as("web:hank");
        Chat.Person hankOnSlack = chat.as("slack:T1/U2");
        gina.says("menu").presses("Dispute ORD-7").presses("Delivered, not acceptable").says("The colours are wrong");
        hankOnSlack.received("Gina opened dispute").received("The colours are wrong");
        hankOnWeb.received("Gina opened dispute");

        hankOnSlack.says("I will fix the colours").received("Passed on to Gina");
        gina.received("Hank: I will fix the colours");
        int onWeb = hankOnWeb.messageCount();
        gina.says("Thank you, please do");
        hankOnSlack.received("Gina: Thank you, please do");
        assertThat(hankOnWeb.messageCount()).as("once Hank answered on Slack, only Slack").isEqualTo(onWeb);
    }

    @Test
    void aPreferredChannelIsTheOnlyOneBeforeThePersonWrites() {
        Chat chat = reachChat();
        Chat.Person gina = chat.as("web:gina");
        gina.says("menu").presses("Dispute ORD-8").presses("Delivered, not acceptable").says("Wrong paper size");
        chat.as("slack:T1/U3").received("Gina opened dispute");
        assertThat(chat.as("web:ivy").messageCount()).isZero();
    }

    @Test
    void aPersonIsReachedInANewDisputeWhereTheyLastWroteInAnother() {
        Chat chat = reachChat();
        Chat.Person gina = chat.as("web:gina");
        Chat.Person ivyOnWeb = chat.as("web:ivy");
        gina.says("menu").presses("Dispute ORD-8").presses("Delivered, not acceptable").says("Wrong paper size");
        // Ivy writes from the web, though the marketplace prefers Slack for her.
        ivyOnWeb.says("Sorry, I will reprint it").received("Passed on to Gina");
        Chat.Person hank = chat.as("web:hank");
        hank.says("menu").presses("Dispute ORD-9").presses("Delivered, not acceptable").says("The poster is blurry");
        ivyOnWeb.received("Hank opened dispute").received("The poster is blurry");
    }
}
