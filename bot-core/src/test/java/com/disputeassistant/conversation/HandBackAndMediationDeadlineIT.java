package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.timers.DeadlineTimers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spec "Human mediators": the mediator's first button resumes where the dispute was handed off, even
 * from an unfinished intake or an unanswered replacement's hand-over; and a claimed dispute waits on its
 * mediator with a deadline (2 days by default): the holder is reminded, then the dispute goes back to the
 * queue, the mediators are told with a Claim button and the parties hear another mediator will take over.
 */
class HandBackAndMediationDeadlineIT {
    private final ConversationFixture fixture = new ConversationFixture();
    private final Chat chat = new Chat(fixture.newEngine());
    private final Chat.Person alice = chat.as("web:alice");
    private final Chat.Person bob = chat.as("web:bob");
    private final Chat.Person carol = chat.as("web:carol");
    private final Chat.Person maria = chat.as("web:maria");
    private final Chat.Person omar = chat.as("web:omar");
    private final DeadlineTimers timers = new DeadlineTimers(fixture.store, fixture.newEngine(),
            new Delivery(List.of(chat.asChannel(fixture))), fixture.clock, Duration.ofSeconds(1));

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private Dispute dispute() {
        DisputeId id = fixture.store.openDisputesOf(new PersonId("alice")).get(0);
        return fixture.store.load(id).orElseThrow().dispute();
    }

    private void pressesTheFirstButton(Chat.Person mediator, String label) {
        assertThat(mediator.labels()).as("the mediator's buttons").first().asString().startsWith(label);
        mediator.presses(label);
    }

    @Test
    void aPartyWhoAskedForAHumanDuringIntakeIsAskedAgainForTheDescriptionWhenTheMediatorResumes() {
        alice.says("menu").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        alice.presses("Talk to a human").received("A human mediator will take over");
        maria.presses("Claim").received("You claimed dispute").isNotOffered("Resume at: talking it out");

        pressesTheFirstButton(maria, "Resume at: intake");

        assertThat(dispute().step()).isEqualTo(Step.INTAKE);
        alice.received("we continue at: intake").received("Please describe the problem");
        alice.says("Chapters 4 and 5 were not edited at all");
        assertThat(dispute().step()).isEqualTo(Step.TALKING);
        bob.received("Chapters 4 and 5 were not edited at all");
    }

    @Test
    void anIntakeHandedOffBeforeAReasonAsksForTheReasonAgain() {
        alice.says("menu").presses("Dispute ORD-1");
        alice.presses("Talk to a human");
        maria.presses("Claim");

        pressesTheFirstButton(maria, "Resume at: intake");

        alice.received("What is the problem?").isOffered("Delivered, not acceptable");
        maria.received("handed the dispute back");
    }

    @Test
    void aReplacementWhoLetTheDeadlinePassIsAskedAgainThroughTheMediatorsFirstButton() {
        Journeys.reach(Step.REPLACEMENT, alice, bob, maria);
        fixture.clock.advance(Duration.ofDays(2));
        timers.fireDue();
        assertThat(dispute().handoffReason()).contains(HandoffReason.NO_ANSWER);
        assertThat(dispute().resumeStep()).contains(Step.REPLACEMENT);
        int carolBefore = carol.messageCount();

        omar.presses("Claim");
        pressesTheFirstButton(omar, "Resume at: hand-over to a replacement expert");

        assertThat(dispute().step()).isEqualTo(Step.REPLACEMENT);
        assertThat(carol.messageCount()).isGreaterThan(carolBefore);
        carol.received("as a replacement expert").presses("Accept");
        assertThat(dispute().step()).isEqualTo(Step.REWORK);
        assertThat(dispute().workingExpert()).isEqualTo(new PersonId("carol"));
    }

    @Test
    void aClaimedDisputeRemindsItsMediatorThenGoesBackToTheQueueAndTheOthersAreTold() {
        alice.says("menu").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        alice.says("Chapters 4 and 5 were not edited at all");
        bob.presses("Talk to a human");
        maria.presses("Claim").received("close it or release it by 2026-11-22 09:00 UTC");
        int aliceBefore = alice.messageCount();
        int bobBefore = bob.messageCount();
        int omarBefore = omar.messageCount();

        fixture.clock.advance(Duration.ofHours(23));
        assertThat(timers.fireDue()).as("nothing before half of the mediator's time").isZero();
        fixture.clock.advance(Duration.ofHours(1));
        assertThat(timers.fireDue()).isEqualTo(1);
        maria.received("Reminder: dispute " + dispute().id()).received("by 2026-11-22 09:00 UTC")
                .isOffered("Resume at: talking it out", "Release to the queue");
        assertThat(alice.messageCount()).as("the parties are not reminded").isEqualTo(aliceBefore);
        assertThat(bob.messageCount()).isEqualTo(bobBefore);
        assertThat(omar.messageCount()).isEqualTo(omarBefore);

        fixture.clock.advance(Duration.ofDays(1));
        assertThat(timers.fireDue()).isEqualTo(1);

        Dispute back = dispute();
        assertThat(back.step()).isEqualTo(Step.MEDIATION);
        assertThat(back.mediator()).isEmpty();
        assertThat(fixture.store.mediatorQueue()).containsExactly(back.id());
        assertThat(fixture.store.timeline(back.id())).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("bot");
            assertThat(entry.why()).isEqualTo("deadline passed (back to queue)");
        });
        for (Chat.Person mediator : List.of(maria, omar)) {
            mediator.received("maria did not finish dispute " + back.id() + " within 2 days of claiming it")
                    .received("needs a mediator").isOffered("Claim");
        }
        alice.received("maria could not finish this dispute in time, so another mediator will take over");
        bob.received("another mediator will take over");
        maria.says("/to client hello?").received("claim it first");

        // Back in the queue, it is announced again until someone claims it.
        fixture.clock.advance(Duration.ofMinutes(30));
        assertThat(timers.fireDue()).isEqualTo(1);
        omar.received("Still waiting for a mediator since").isOffered("Claim");
        omar.presses("Claim").received("You claimed dispute");
        assertThat(dispute().mediator()).contains("web:omar");
        assertThat(dispute().stepDeadline()).contains(fixture.clock.instant().plus(Duration.ofDays(2)));
    }

    @Test
    void aMediatorWhoHandedBackOrReleasedIsNotRemindedAnyMore() {
        alice.says("menu").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        alice.says("Chapters 4 and 5 were not edited at all");
        bob.presses("Talk to a human");
        maria.presses("Claim");
        pressesTheFirstButton(maria, "Resume at: talking it out");
        int mariaBefore = maria.messageCount();

        fixture.clock.advance(Duration.ofDays(2));
        timers.fireDue();
        assertThat(maria.messageCount()).as("no reminder, nothing expired").isEqualTo(mariaBefore);
        assertThat(dispute().step()).isEqualTo(Step.TALKING);

        bob.presses("Talk to a human");
        omar.presses("Claim");
        omar.presses("Release to the queue");
        maria.presses("Claim");
        maria.presses("Release to the queue");
        int omarBefore = omar.messageCount();
        fixture.clock.advance(Duration.ofDays(1));
        timers.fireDue();
        assertThat(omar.lastMessage().text()).as("only the queue's announcement, no holder's reminder")
                .doesNotContain("Reminder: dispute").contains("Still waiting for a mediator since");
        assertThat(omar.messageCount()).isEqualTo(omarBefore + 1);
    }
}
