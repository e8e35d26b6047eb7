package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import com.disputeassistant.timers.DeadlineTimers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Human mediators (spec "Human mediators", S8): the queue of hand-offs, claiming, releasing, the relay,
 * re-announcing an unclaimed hand-off, and a bot that prompts nobody while a mediator holds a dispute.
 */
class MediatorsIT {
    private final ConversationFixture fixture = new ConversationFixture();
    private final Chat chat = new Chat(fixture.newEngine());
    private final Chat.Person alice = chat.as("web:alice");
    private final Chat.Person bob = chat.as("web:bob");
    private final Chat.Person maria = chat.as("web:maria");
    private final Chat.Person omar = chat.as("web:omar");
    private final DeadlineTimers timers = new DeadlineTimers(fixture.store, fixture.newEngine(),
            new Delivery(List.of(chat.asChannel(fixture))), fixture.clock, Duration.ofSeconds(1));

    @AfterEach
    void nothingAnyoneReadShowsACodeOrAnId() {
        chat.assertNothingLeaks();
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private void aliceOpensAndDescribes() {
        alice.says("menu").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        alice.says("Chapters 4 and 5 were not edited at all");
    }

    private Dispute dispute() {
        DisputeId id = fixture.store.openDisputesOf(new PersonId("alice")).get(0);
        return fixture.store.load(id).orElseThrow().dispute();
    }

    @Test
    void aRequestedHandOffWaitsInTheQueueWithItsReasonAndTheExpectedWait() {
        aliceOpensAndDescribes();
        maria.says("/queue").received("No dispute is waiting for a mediator");

        bob.presses("Talk to a human");

        alice.received("A human mediator will take over").received("usually takes less than 4 hours");
        assertThat(fixture.store.mediatorQueue()).containsExactly(dispute().id());
        maria.says("/queue").received("Disputes waiting for a mediator").received(dispute().id().value())
                .received("a party asked for a human").isOffered("Claim " + dispute().id());
        maria.presses("Claim " + dispute().id()).received("You claimed dispute");
        assertThat(fixture.store.mediatorQueue()).isEmpty();
        alice.received("A human mediator has taken over");
        bob.received("A human mediator has taken over");
    }

    @Test
    void eachAutomaticRuleHandsOffWithItsReason() {
        // Terms unclear (S1).
        aliceOpensAndDescribes();
        alice.presses("Escalate");
        bob.presses("Unclear or wrong");
        assertThat(dispute().handoffReason()).contains(HandoffReason.TERMS_UNCLEAR);
        assertThat(fixture.store.mediatorQueue()).containsExactly(dispute().id());
        maria.received("needs a mediator").received("terms");
        maria.presses("Claim");
        maria.says("/terms Line edit covers grammar and style");
        maria.presses("Resume at: listing what is still needed");
        // Tasks disputed as out of scope (S2).
        alice.says("Line-edit chapters 4 and 5");
        alice.says("Rewrite chapter 9 as a poem");
        alice.presses("The list is complete");
        bob.presses("#2 is outside the terms").presses("Accept the list");
        assertThat(dispute().handoffReason()).contains(HandoffReason.SCOPE_DISPUTED);
        assertThat(fixture.store.mediatorQueue()).containsExactly(dispute().id());
        omar.presses("Claim");
        omar.presses("#2 out of scope");
        omar.presses("Resume at: choosing who does the tasks");
        // No answer before a step's deadline.
        fixture.clock.advance(Duration.ofDays(3));
        timers.fireDue();
        assertThat(dispute().handoffReason()).contains(HandoffReason.NO_ANSWER);
        assertThat(fixture.store.mediatorQueue()).containsExactly(dispute().id());
        maria.received("nobody answered before the deadline");
    }

    @Test
    void aFeeImpasseHandsOffAndTheMediatorDecidesTheMoney() {
        Journeys.reach(Step.FEE, alice, bob, maria);
        for (int round = 0; round < 3; round++) {
            alice.says("100");
            bob.says("900");
        }
        assertThat(dispute().handoffReason()).contains(HandoffReason.FEE_IMPASSE);
        maria.received("needs a mediator").presses("Claim");
        maria.says("/fee 450");
        alice.received("the expert is paid 450.00 EUR and the client is refunded 550.00 EUR");
        assertThat(fixture.store.mediatorQueue()).isEmpty();
    }

    @Test
    void twoMediatorsClaimingAtOnceOneWinsAndTheOtherIsToldWho() throws Exception {
        aliceOpensAndDescribes();
        bob.presses("Talk to a human");
        String claim = maria.optionId("Claim");
        DisputeId id = dispute().id();
        RedisClient second = RedisConnections.connect(RedisTestSupport.redisUrl());
        ConversationEngine otherInstance = new ConversationEngine(fixture.marketplace,
                new RedisDisputeStore(second, fixture.prefix, fixture.clock), ConversationFixture.SETTINGS, fixture.clock);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<List<OutboundMessage>> byMaria = threads.submit(() -> {
                go.await();
                return fixture.newEngine().handle(InboundMessage.option(maria.address(), claim));
            });
            Future<List<OutboundMessage>> byOmar = threads.submit(() -> {
                go.await();
                return otherInstance.handle(InboundMessage.text(omar.address(), "/claim " + id));
            });
            go.countDown();
            String toMaria = textTo("web:maria", byMaria.get());
            String toOmar = textTo("web:omar", byOmar.get());
            assertThat(List.of(toMaria, toOmar)).filteredOn(text -> text.contains("You claimed dispute")).hasSize(1);
            assertThat(List.of(toMaria, toOmar)).filteredOn(text -> text.contains("is handled by")).hasSize(1);
        } finally {
            threads.shutdownNow();
            second.close();
        }
        String holder = dispute().mediator().orElseThrow();
        assertThat(holder).isIn("web:maria", "web:omar");
        assertThat(fixture.store.timeline(id).stream().filter(e -> e.why().startsWith("claim")).count()).isEqualTo(1);
    }

    @Test
    void onlyAllowListedMediatorsCanClaim() {
        aliceOpensAndDescribes();
        bob.presses("Talk to a human");
        String claim = maria.optionId("Claim");

        bob.pressesId(claim).received("mediator");
        alice.says("/claim " + dispute().id());

        assertThat(dispute().mediator()).isEmpty();
        assertThat(fixture.store.mediatorQueue()).containsExactly(dispute().id());
    }

    @Test
    void whileAMediatorHoldsTheDisputeTheBotPromptsNobodyAndStaleButtonsAreRefused() {
        aliceOpensAndDescribes();
        String escalate = alice.optionId("Escalate");
        bob.presses("Talk to a human");
        maria.presses("Claim");
        int aliceBefore = alice.messageCount();
        int bobBefore = bob.messageCount();

        // Until half of the mediator's own time (see HandBackAndMediationDeadlineIT), nothing runs at all.
        fixture.clock.advance(Duration.ofHours(23));
        assertThat(timers.fireDue()).as("no reminder, no deadline, no re-announcement").isZero();
        assertThat(alice.messageCount()).isEqualTo(aliceBefore);
        assertThat(bob.messageCount()).isEqualTo(bobBefore);

        alice.pressesId(escalate).received("earlier step");
        assertThat(dispute().step()).isEqualTo(Step.MEDIATION);
        assertThat(dispute().mediator()).contains("web:maria");
    }

    @Test
    void theMediatorTalksToBothOrToOneSideAndHearsEachParty() {
        aliceOpensAndDescribes();
        bob.presses("Talk to a human");
        maria.presses("Claim");

        maria.says("Hello both, I have read the file.");
        alice.received("Mediator maria: Hello both");
        bob.received("Mediator maria: Hello both");
        maria.received("Passed on to Alice and Bob");
        int bobBefore = bob.messageCount();
        maria.says("/to client Could you send me the tracked-changes file?");
        alice.received("Mediator maria: Could you send me the tracked-changes file?");
        assertThat(bob.messageCount()).isEqualTo(bobBefore);
        maria.received("Passed on to Alice.");
        alice.says("Sent it by mail just now");
        maria.received("Alice: Sent it by mail just now");
        maria.says("/to nobody hello").received("needs something else after the command: /to client|expert <text>");
    }

    @Test
    void anUnclaimedHandOffIsAnnouncedAgainUntilClaimedAndAReleasedOneGoesBackToTheQueue() {
        aliceOpensAndDescribes();
        bob.presses("Talk to a human");
        int mariaBefore = maria.messageCount();

        fixture.clock.advance(Duration.ofMinutes(29));
        assertThat(timers.fireDue()).isZero();
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(timers.fireDue()).isEqualTo(1);
        maria.received("Still waiting for a mediator since").isOffered("Claim");
        omar.received("Still waiting for a mediator since");
        fixture.clock.advance(Duration.ofMinutes(30));
        assertThat(timers.fireDue()).isEqualTo(1);
        assertThat(maria.messageCount()).isEqualTo(mariaBefore + 2);

        omar.presses("Claim");
        fixture.clock.advance(Duration.ofHours(2));
        assertThat(timers.fireDue()).as("claimed: nobody is told again").isZero();

        omar.presses("Release to the queue").received("You released the dispute");
        alice.received("back to the mediators' queue");
        maria.received("needs a mediator").isOffered("Claim");
        assertThat(fixture.store.mediatorQueue()).containsExactly(dispute().id());
        assertThat(dispute().mediator()).isEmpty();
        maria.presses("Claim").received("You claimed dispute");
        omar.says("hello?").received("is handled by maria");
    }

    @Test
    void aMediatorHoldingTwoDisputesWritesInEachOnesThreadAndMessagesNameTheirDispute() {
        aliceOpensAndDescribes();
        bob.presses("Talk to a human");
        DisputeId first = dispute().id();
        maria.presses("Claim");
        Chat.Person dana = chat.as("web:dana");
        dana.says("menu").presses("Dispute ORD-2").presses("Not delivered / late");
        dana.says("Nothing has arrived");
        dana.presses("Talk to a human");
        maria.presses("Claim");
        assertThat(maria.lastMessage().about()).as("the hand-off names its dispute").isPresent().isNotEqualTo(java.util.Optional.of(first));

        // Maria's focus is now Dana's dispute; a reply in the first dispute's thread still goes there.
        chat.deliver(fixture.newEngine().handle(InboundMessage.text(maria.address(), "About ORD-1: please both wait")
                .about(first)));

        alice.received("Mediator maria: About ORD-1: please both wait");
        assertThat(alice.lastMessage().about()).contains(first);
        assertThat(dana.last()).doesNotContain("About ORD-1");
    }

    @Test
    void thePartiesSeeTheMediatorByTheNameConfiguredForThem() {
        ProcedureSettings base = ConversationFixture.SETTINGS;
        ProcedureSettings named = new ProcedureSettings(base.reworkTime(), base.extensionCap(), base.extraReworkRounds(),
                base.feeTolerancePercent(), base.feeRounds(), base.stepDeadlines(), base.reminders(), base.mediators(),
                base.reannounceAfter(), base.expectedMediatorWait(),
                java.util.Map.of(com.disputeassistant.marketplace.ChannelIdentity.of("web:maria"), "Maria Lopez"));
        Chat namedChat = new Chat(new ConversationEngine(fixture.marketplace, fixture.store, named, fixture.clock));
        Chat.Person client = namedChat.as("web:alice");
        Chat.Person mediator = namedChat.as("web:maria");
        client.says("menu").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        client.says("Chapters 4 and 5 were not edited at all");
        client.presses("Talk to a human");

        mediator.presses("Claim");
        client.received("Maria Lopez, a mediator, is handling this dispute");
        mediator.says("Hello, I am on it.");
        client.received("Mediator Maria Lopez: Hello, I am on it.");
    }

    private static String textTo(String identity, List<OutboundMessage> messages) {
        return messages.stream().filter(m -> m.to().identity().toString().equals(identity))
                .map(OutboundMessage::text).findFirst().orElse("");
    }
}
