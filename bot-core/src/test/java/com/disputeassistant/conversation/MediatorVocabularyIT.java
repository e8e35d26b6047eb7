package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.PersonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one mediator vocabulary ({@link MediatorCommand}): typed commands and buttons act alike, the help
 * lists every command with its argument, a wrong argument is answered with what the command takes, a claim
 * brings a short summary with the timeline and transcript a page at a time, and a lost claim race is one line.
 */
class MediatorVocabularyIT {
    private final ConversationFixture fixture = new ConversationFixture();
    private final Chat chat = new Chat(fixture.newEngine());
    private final Chat.Person alice = chat.as("web:alice");
    private final Chat.Person bob = chat.as("web:bob");
    private final Chat.Person maria = chat.as("web:maria");
    private final Chat.Person omar = chat.as("web:omar");

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private Dispute dispute() {
        DisputeId id = fixture.store.openDisputesOf(new PersonId("alice")).get(0);
        return fixture.store.load(id).orElseThrow().dispute();
    }

    private void handedOffAndClaimedByMaria() {
        alice.says("menu").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        alice.says("Chapters 4 and 5 were not edited at all");
        bob.says("I edited them, see the tracked changes");
        bob.presses("Talk to a human");
        maria.presses("Claim");
    }

    @Test
    void theHelpListsEveryCommandWithItsArgument() {
        maria.says("help");

        for (MediatorCommand command : MediatorCommand.values()) {
            assertThat(maria.last()).contains("/" + command.word());
        }
        assertThat(maria.last()).contains("/fee <amount>", "/handback <step>", "/in <task number>",
                "/out <task number>", "/to client|expert <text>", "/claim <dispute id>");
    }

    @Test
    void anUnknownCommandIsAnsweredWithTheHelp() {
        maria.says("/frobnicate 3").received("I don't know the command /frobnicate").received("/release");
    }

    @Test
    void aClaimBringsAShortSummaryAndTheTimelineAndTranscriptComeInPages() {
        handedOffAndClaimedByMaria();

        maria.received("You claimed dispute").received("Order ORD-1").isOffered("Timeline", "Messages", "Summary");
        assertThat(maria.last()).doesNotContain("Timeline:").doesNotContain("Recent messages");
        assertThat(maria.last().lines().count()).isLessThan(25);

        maria.presses("Messages").received("Messages of dispute " + dispute().id() + ", page 1 of")
                .received("Dispute Assistant to Alice");
        maria.says("/timeline").received("Timeline of dispute " + dispute().id() + ", page 1 of");
        maria.says("/transcript x").received("needs something else after the command: /transcript [page]");
    }

    @Test
    void aLongTranscriptIsPagedWithAButtonForOlderMessages() {
        handedOffAndClaimedByMaria();
        for (int i = 1; i <= 2 * MediatorTurns.PAGE_SIZE; i++) {
            alice.says("Note number " + i);
        }

        maria.says("/transcript").received("page 1 of").received("Note number " + 2 * MediatorTurns.PAGE_SIZE);
        assertThat(maria.last()).doesNotContain("Note number 1\n");
        maria.isOffered("Older").presses("Older").received("page 2 of");
    }

    @Test
    void aHandBackToAStepItCannotResumeAtListsTheStepsItAccepts() {
        handedOffAndClaimedByMaria();

        maria.says("/handback nonsense").received("/handback <step>").received("It can be handed back at:")
                .received("/handback terms (checking the terms)");
        maria.says("/handback terms");
        assertThat(maria.last()).doesNotContain("It can be handed back at");
        alice.received("checking the terms");
    }

    @Test
    void typedCommandsAndButtonsAreTheSameActions() {
        handedOffAndClaimedByMaria();

        maria.says("/fee").received("/fee <amount>");
        maria.says("/fee 300");
        alice.received("300");
        assertThat(fixture.store.openDisputesOf(new PersonId("alice"))).isEmpty();
    }

    @Test
    void theMediatorWhoLostTheClaimIsToldWhoHasItInOneLineWithNoButtons() {
        handedOffAndClaimedByMaria();

        omar.says("/claim " + dispute().id()).received("is handled by maria");
        assertThat(omar.last().lines().count()).isEqualTo(1);
        assertThat(omar.labels()).isEmpty();
    }

    @Test
    void onSlackTheHelpNamesTheCommandsWithAnExclamationMark() {
        assertThat(MediatorTurns.help(new Messages(), "!", null)).contains("!fee <amount>", "!queue")
                .doesNotContain("/fee");
    }
}
