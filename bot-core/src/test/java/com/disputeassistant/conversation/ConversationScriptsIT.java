package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.PersonId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Conversation scripts from intake to each of the six outcomes, against a real Redis: who says or
 * presses what, and what each person receives.
 */
class ConversationScriptsIT {
    private final ConversationFixture fixture = new ConversationFixture();
    private final Chat chat = new Chat(fixture.newEngine());
    private final Chat.Person alice = chat.as("web:alice");
    private final Chat.Person bob = chat.as("web:bob");
    private final Chat.Person dana = chat.as("web:dana");
    private final Chat.Person erik = chat.as("web:erik");
    private final Chat.Person carol = chat.as("web:carol");
    private final Chat.Person maria = chat.as("web:maria");
    private final Chat.Person omar = chat.as("web:omar");

    @AfterEach
    void nothingAnyoneReadShowsACodeOrAnId() {
        chat.assertNothingLeaks();
    }

    @AfterEach
    void everyPublishedOutcomeKeepsTheMoneyInvariantThenCleanUp() {
        try {
            // What the payments system would read: refund + payout = paid, nothing negative, one event per dispute.
            var events = fixture.redis.xrange(fixture.prefix + "payments:outcomes", (redis.clients.jedis.StreamEntryID) null,
                    (redis.clients.jedis.StreamEntryID) null);
            List<String> keys = new java.util.ArrayList<>();
            for (var event : events) {
                Map<String, String> fields = event.getFields();
                long payout = Long.parseLong(fields.get("payout"));
                long refund = Long.parseLong(fields.get("refund"));
                assertThat(payout).isNotNegative();
                assertThat(refund).isNotNegative();
                assertThat(payout + refund).as("payout + refund of %s", fields.get("disputeId"))
                        .isEqualTo(Long.parseLong(fields.get("paid")));
                keys.add(fields.get("idempotencyKey"));
            }
            assertThat(keys).doesNotHaveDuplicates();
        } finally {
            fixture.close();
        }
    }

    private Dispute disputeOf(String person) {
        List<DisputeId> open = fixture.store.openDisputesOf(new PersonId(person));
        DisputeId id = open.isEmpty() ? lastDisputeIdFrom(chat.as("web:" + person)) : open.get(0);
        return fixture.store.load(id).orElseThrow().dispute();
    }

    private DisputeId lastDisputeIdFrom(Chat.Person person) {
        String text = person.inbox().stream().map(OutboundMessage::text).filter(t -> t.contains("Dispute D"))
                .reduce((a, b) -> b).orElseThrow();
        int at = text.indexOf("Dispute D") + "Dispute ".length();
        return new DisputeId(text.substring(at, at + 8));
    }

    private void aliceOpensAndDescribes() {
        alice.says("/dispute").received("What would you like to do?").isOffered("Dispute ORD-1");
        alice.presses("Dispute ORD-1").received("What is the problem?").isOffered("Delivered, not acceptable", "Talk to a human", "Help");
        alice.presses("Delivered, not acceptable").received("describe the problem");
        assertThat(alice.lastMessage().awaits()).contains(TextAnswer.DESCRIPTION);
        alice.says("Chapters 4 and 5 were not edited at all");
        assertThat(alice.lastMessage().awaits()).isEmpty();
        alice.received("I've told Bob about the dispute");
        bob.received("Alice opened dispute").received("Chapters 4 and 5 were not edited at all")
                .received("try to solve this together").isOffered("We solved it", "Escalate", "Talk to a human", "Help");
    }

    private void escalateAndAgreeOnTasks() {
        aliceOpensAndDescribes();
        bob.says("I am sorry, I can do them this week");
        alice.received("Bob: I am sorry, I can do them this week");
        alice.presses("Escalate");
        bob.received("Alice escalated the dispute").received("Line edit of chapters 1-12").isOffered("These terms apply");
        alice.presses("These terms apply").received("Waiting for Bob");
        bob.presses("These terms apply");
        alice.received("What does Bob still need to do").isNotOffered("The list is complete");
        assertThat(alice.lastMessage().awaits()).contains(TextAnswer.TASKS);
        assertThat(bob.lastMessage().awaits()).isEmpty();
        alice.says("I'm not happy with this").received("isn't a task I can ask anyone to check")
                .received("Fix the figure numbering");
        alice.says("Line-edit chapters 4 and 5");
        alice.says("Update the style sheet with the new spellings").received("Added task #2").isOffered("The list is complete", "Remove #1");
        alice.presses("The list is complete");
        bob.received("#1 Line-edit chapters 4 and 5").isOffered("Accept the list", "#1 is outside the terms");
        bob.presses("Accept the list");
        alice.received("Who should do these tasks").isOffered("Same expert", "Another expert");
    }

    private void bobReworksAndDelivers(String... tasks) {
        for (String task : tasks) {
            bob.presses(task + " done");
        }
        bob.presses("Deliver");
    }

    private void danaEscalatesAndErikStartsRework() {
        dana.presses("Escalate");
        dana.presses("These terms apply");
        erik.presses("These terms apply");
        dana.says("Deliver the edited thesis, all five chapters");
        dana.presses("The list is complete");
        erik.presses("Accept the list");
        dana.presses("Same expert");
        erik.received("Please do these tasks and deliver again by");
    }

    @Test
    void aPressThatArrivesTwiceCountsOnce() {
        alice.says("/dispute").presses("Dispute ORD-1");
        String notAcceptable = alice.optionId("Delivered, not acceptable");
        alice.pressesId(notAcceptable).received("describe the problem");
        DisputeId id = disputeOf("alice").id();
        int recorded = fixture.store.timeline(id).size();
        alice.pressesId(notAcceptable).received("You already answered that");
        assertThat(fixture.store.timeline(id)).as("the reason recorded once").hasSize(recorded);

        alice.says("Chapters 4 and 5 were not edited at all");
        escalateAgreeAndStartRework();
        String tick = bob.optionId("#1 done");
        bob.pressesId(tick).received("Ticked task #1").isOffered("Untick #1");
        assertThat(bob.optionId("Untick #1")).as("untick is an option of its own").isNotEqualTo(tick);
        bob.pressesId(tick).received("You already answered that");
        assertThat(disputeOf("bob").tasks().get(0).doneClaimed()).as("still ticked").isTrue();
        bob.presses("Untick #1").received("Took the tick off task #1");
        assertThat(disputeOf("bob").tasks().get(0).doneClaimed()).isFalse();
    }

    private void escalateAgreeAndStartRework() {
        alice.presses("Escalate");
        alice.presses("These terms apply");
        bob.presses("These terms apply");
        alice.says("Line-edit chapters 4 and 5");
        alice.presses("The list is complete");
        bob.presses("Accept the list");
        alice.presses("Same expert");
        bob.received("Please do these tasks and deliver again by");
    }

    @Test
    void resolvedByTheParties() {
        aliceOpensAndDescribes();
        alice.presses("We solved it").received("waiting for Bob to confirm");
        bob.received("Alice says the dispute is solved").isOffered("Yes, it's solved", "No, not solved");
        bob.presses("Yes, it's solved");
        bob.received("you solved it together");
        alice.received("you solved it together");
        Dispute closed = fixture.store.load(lastDisputeIdFrom(alice)).orElseThrow().dispute();
        assertThat(closed.outcome().orElseThrow().type()).isEqualTo(OutcomeType.RESOLVED_BY_PARTIES);
        assertThat(fixture.store.openDisputesOf(new PersonId("alice"))).isEmpty();
    }

    @Test
    void acceptedAfterRework() {
        escalateAndAgreeOnTasks();
        alice.presses("Same expert");
        bob.received("Please do these tasks and deliver again by").isOffered("#1 done", "#2 done", "+2 days");
        bobReworksAndDelivers("#1", "#2");
        alice.received("Bob delivered again").received("the expert says it is done").isOffered("#1 done", "#1 not done");
        alice.presses("#1 done");
        bob.received("Alice checked task #1");
        alice.presses("#2 done");
        alice.received("accepted the work after rework").received("paid in full (1000.00 EUR)");
        bob.received("accepted the work after rework");
        Dispute closed = fixture.store.load(lastDisputeIdFrom(alice)).orElseThrow().dispute();
        assertThat(closed.outcome().orElseThrow().type()).isEqualTo(OutcomeType.ACCEPTED_AFTER_REWORK);
    }

    @Test
    void settledAtAFairFee() {
        escalateAndAgreeOnTasks();
        alice.presses("Same expert");
        bobReworksAndDelivers("#1");
        alice.presses("#1 done");
        alice.presses("#2 not done");
        bob.received("Please do these tasks and deliver again by").isNotOffered("#1 done");
        bobReworksAndDelivers("#2");
        alice.presses("#2 not done");
        alice.received("agree on a fair fee").received("from 0 to 1000.00 EUR");
        bob.received("agree on a fair fee");
        alice.says("twelve euros").received("Please send an amount from 0 to 1000.00 EUR");
        alice.says("2000").received("Please send an amount from 0 to 1000.00 EUR");
        assertThat(bob.lastMessage().awaits()).contains(TextAnswer.FEE);
        alice.says("600").received("You proposed 600.00 EUR");
        assertThat(alice.lastMessage().awaits()).isEmpty();
        bob.received("Alice sent a fee proposal");
        assertThat(bob.lastMessage().awaits()).contains(TextAnswer.FEE);
        assertThat(bob.last()).doesNotContain("600");
        bob.says("680");
        alice.received("I suggest meeting in the middle at 640.00 EUR").isOffered("Accept 640.00 EUR", "Accept Bob's 680.00 EUR");
        alice.presses("Accept 640.00 EUR").received("Waiting for Bob");
        bob.presses("Accept 640.00 EUR");
        alice.received("the expert is paid 640.00 EUR and the client is refunded 360.00 EUR");
        var outcome = fixture.store.load(lastDisputeIdFrom(alice)).orElseThrow().dispute().outcome().orElseThrow();
        assertThat(outcome.type()).isEqualTo(OutcomeType.SETTLED);
        assertThat(outcome.payout().plus(outcome.refund())).isEqualTo(Money.of("1000", "EUR"));
        assertThat(fixture.redis.xlen(fixture.prefix + "payments:outcomes")).as("published outcomes").isEqualTo(1);
    }

    @Test
    void refundedInFullAfterTheExpertKeptAskingForMoreTime() {
        // The seed's client comment: the editor kept asking for more time and never delivered.
        dana.says("menu").presses("Dispute ORD-2").presses("Not delivered / late");
        dana.says("The editor keeps asking for more time and nothing arrives");
        dana.says("money back").received("not meant for being unhappy").received("continue with the procedure");
        danaEscalatesAndErikStartsRework();
        erik.says("I need 3 more days, my laptop broke");
        dana.received("Erik asked for more time").received("3 more day(s)").isOffered("Grant", "Decline");
        dana.presses("Grant");
        erik.received("Dana granted the extension");
        erik.presses("+2 days");
        dana.presses("Grant");
        erik.presses("+5 days");
        // The third request stalls the rework: the client is offered ways on and a mediator is told.
        dana.received("The rework has stalled").received("after 2 extension(s)")
                .isOffered("Another expert", "Agree on a fair fee", "A mediator");
        dana.isNotOffered("Full refund");
        maria.received("stalled");
        dana.presses("A mediator");
        maria.received("needs a mediator").isOffered("Claim");
        dana.received("A human mediator will take over");
        maria.presses("Claim").received("You claimed dispute").received("Erik asked for 3 more day(s)");
        dana.received("A human mediator has taken over").received("maria, a mediator, is handling this dispute");
        erik.received("A human mediator has taken over");
        omar.says("/claim " + disputeOf("dana").id()).received("is handled by maria");
        dana.says("Please, I just want my money back");
        maria.received("Dana: Please, I just want my money back");
        maria.says("Erik, can you deliver anything at all?");
        erik.received("Mediator maria: Erik, can you deliver anything at all?");
        maria.presses("Full refund");
        dana.received("closed with a full refund of 800.00 USD");
        erik.received("closed with a full refund");
        var outcome = fixture.store.load(disputeOf("dana").id()).orElseThrow().dispute().outcome().orElseThrow();
        assertThat(outcome.type()).isEqualTo(OutcomeType.REFUNDED_IN_FULL);
        assertThat(outcome.refund()).isEqualTo(Money.of("800", "USD"));
    }

    @Test
    void aMissedReworkDeadlineWithNothingDeliveredOffersAFullRefundThatAMediatorConfirms() {
        dana.says("menu").presses("Dispute ORD-2").presses("Not delivered / late");
        dana.says("Nothing has arrived");
        danaEscalatesAndErikStartsRework();
        fixture.clock.advance(Duration.ofDays(5));
        // Nobody writes: the next message of anyone finds the deadline passed; here the client checks in.
        dana.says("help");
        dana.received("I help clients and experts settle a disputed order")
                .received("The rework has stalled (the deadline passed without a delivery)")
                .isOffered("Full refund (a mediator confirms)");
        dana.presses("Full refund");
        maria.received("the client asks for a full refund because nothing was delivered").presses("Claim");
        maria.presses("Full refund");
        dana.received("closed with a full refund of 800.00 USD");
    }

    @Test
    void anotherExpertFoundByAMediatorTakesOverWithAHandover() {
        escalateAndAgreeOnTasks();
        alice.presses("Another expert");
        bob.received("Alice asked for another expert");
        maria.received("another expert is needed").presses("Claim");
        maria.isOffered("Assign Carol", "Assign Erik").isNotOffered("Assign Dana").isNotOffered("Assign Alice");
        maria.presses("Assign Carol");
        carol.received("asked to finish order ORD-1").received("Line-edit chapters 4 and 5")
                .received("Chapters 1-12 with tracked changes").isOffered("Accept", "Decline");
        // The hand-over carries no personal contact data of the parties.
        assertThat(carol.last()).doesNotContain("web:alice").doesNotContain("web:bob");
        carol.presses("Accept");
        carol.received("Please do these tasks and deliver again by").isOffered("#1 done");
        alice.received("Carol accepted the hand-over");
        carol.presses("#1 done").presses("#2 done").presses("Deliver");
        alice.received("Carol delivered again");
    }

    @Test
    void withdrawnByTheOpener() {
        escalateAndAgreeOnTasks();
        bob.says("withdraw").received("That is not yours to do");
        alice.says("withdraw").received("was withdrawn");
        bob.received("was withdrawn");
        assertThat(fixture.store.openDisputesOf(new PersonId("bob"))).isEmpty();
    }

    @Test
    void decidedByAMediator() {
        aliceOpensAndDescribes();
        bob.presses("Talk to a human");
        alice.received("Bob asked for a human mediator").received("A human mediator will take over");
        maria.received("a party asked for a human").presses("Claim");
        maria.says("/fee 1200").received("Please send an amount from 0 to 1000.00 EUR");
        maria.says("/fee 300");
        alice.received("closed by the mediator's decision: the expert is paid 300.00 EUR and the client is refunded 700.00 EUR");
        bob.received("closed by the mediator's decision");
    }

    @Test
    void aMediatorHandsBackAndTheBotContinuesFromThere() {
        aliceOpensAndDescribes();
        alice.presses("Escalate");
        bob.presses("Unclear or wrong");
        maria.presses("Claim");
        maria.says("/terms Line edit covers grammar and style, not restructuring");
        alice.received("The mediator defined the terms: Line edit covers grammar and style");
        maria.presses("Resume at: listing what is still needed");
        alice.received("handed the dispute back").received("What does Bob still need to do");
        alice.says("Line-edit chapters 4 and 5").received("Added task #1");
    }

    @Test
    void aRedeliveredPlatformMessageIsAppliedAndAnsweredOnce() {
        aliceOpensAndDescribes();
        int bobBefore = bob.messageCount();

        alice.delivers("Can you do it by Friday?", "telegram:update:7");
        alice.delivers("Can you do it by Friday?", "telegram:update:7");
        assertThat(bob.messageCount()).isEqualTo(bobBefore + 1);
        bob.received("Can you do it by Friday?");

        int aliceBefore = alice.messageCount();
        alice.delivers("help", "telegram:update:8");
        alice.delivers("help", "telegram:update:8");
        assertThat(alice.messageCount()).isEqualTo(aliceBefore + 1);

        String escalate = alice.optionId("Escalate");
        alice.deliversPress(escalate, "telegram:update:9").received("Let's check the agreed terms");
        int afterEscalate = alice.messageCount();
        Dispute before = disputeOf("alice");
        alice.deliversPress(escalate, "telegram:update:9");
        assertThat(alice.messageCount()).as("a redelivered press is not answered again").isEqualTo(afterEscalate);
        assertThat(disputeOf("alice").stepSeq()).isEqualTo(before.stepSeq());
        assertThat(fixture.store.transcript(before.id(), 100)).filteredOn(line -> line.text().contains("by Friday"))
                .as("the relayed line, once in, once out").hasSize(2);
    }

    @Test
    void aStaleOrForeignButtonChangesNothing() {
        aliceOpensAndDescribes();
        String escalate = alice.optionId("Escalate");
        alice.presses("Escalate");
        Dispute before = disputeOf("alice");
        alice.pressesId(escalate).received("earlier step").received("Let's check the agreed terms");
        bob.pressesId(escalate).received("earlier step");
        carol.pressesId(escalate).received("You are not a party to dispute");
        Dispute after = disputeOf("alice");
        assertThat(after.stepSeq()).isEqualTo(before.stepSeq());
        assertThat(after.step()).isEqualTo(Step.TERMS);
    }

    @Test
    void badInputGetsAClearAnswerAndChangesNothing() {
        chat.as("web:stranger").says("hello").received("not linked to a marketplace account");
        alice.says("/frobnicate").received("I don't know the command '/frobnicate'");
        alice.pressesId("d:NOPE:1:ESCALATE").received("I can't find that dispute");
        alice.pressesId("garbage::").received("didn't recognise that button");
        alice.pressesId("open:ORD-2").received("can't find order ORD-2 among your orders");
        aliceOpensAndDescribes();
        alice.presses("Escalate");
        alice.says("these are words, not a choice").received("waiting for you to choose");
        String id = alice.optionId("These terms apply");
        alice.pressesId(id.replace("CONFIRM_TERMS", "CHECK_TASK") + ":x-y").received("didn't recognise that button");
        bob.says("menu");
        bob.pressesId("open:ORD-1").received("already has an open dispute");
        alice.says("x".repeat(5000)).received("too long");
    }

    @Test
    void aTimerCanApplyAPassedDeadlineWithNobodyWriting() {
        aliceOpensAndDescribes();
        DisputeId id = disputeOf("alice").id();
        ConversationEngine engine = fixture.newEngine();
        assertThat(engine.timerFired(id, Delivery.none())).as("nothing is due yet").isEmpty();
        assertThat(disputeOf("alice").step()).isEqualTo(Step.TALKING);
        fixture.clock.advance(Duration.ofDays(3));
        chat.deliver(engine.timerFired(id, Delivery.none()));
        alice.received("The deadline for talking it out passed").received("Let's check the agreed terms");
        bob.received("The deadline for talking it out passed");
        assertThat(disputeOf("alice").step()).isEqualTo(Step.TERMS);
        assertThat(fixture.store.timeline(id)).last().satisfies(entry -> assertThat(entry.actor()).isEqualTo("bot"));
    }

    @Test
    void textAfterTheDisputeClosedShowsHowItEndedAndTheMenu() {
        aliceOpensAndDescribes();
        alice.presses("We solved it");
        bob.presses("Yes, it's solved");
        alice.says("hello again").received("you solved it together").isOffered("Menu");
    }

    @Test
    void aMissedTalkingWindowEscalatesByItself() {
        aliceOpensAndDescribes();
        fixture.clock.advance(Duration.ofDays(3));
        bob.says("hello?");
        bob.received("The deadline for talking it out passed").received("Let's check the agreed terms");
        alice.received("Let's check the agreed terms");
    }
}
