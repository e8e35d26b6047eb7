package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.StoredDispute;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dispute ids are short, so a new dispute can draw one already in use (among a million disputes the
 * benchmark drew 20 such): the new dispute takes another id, and the existing one is left as it was.
 */
class NewDisputeIdsIT {
    private static final DisputeId TAKEN = new DisputeId("DTAKEN22");
    private static final DisputeId FRESH = new DisputeId("DFRESH33");
    private final ConversationFixture fixture = new ConversationFixture();

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private Chat chatDrawing(DisputeId... ids) {
        Iterator<DisputeId> draws = List.of(ids).iterator();
        return new Chat(new ConversationEngine(fixture.marketplace, fixture.store, ConversationFixture.SETTINGS,
                fixture.clock, null, draws::next));
    }

    @Test
    void aNewDisputeThatDrawsAnIdInUseDrawsAnotherAndLeavesTheOtherDisputeAlone() {
        Chat chat = chatDrawing(TAKEN, TAKEN, FRESH);
        chat.as("web:dana").says("menu").presses("Dispute ORD-2").presses("Delivered, not acceptable");

        Chat.Person alice = chat.as("web:alice");
        alice.says("menu").presses("Dispute ORD-1");

        assertThat(alice.lastMessage().dispute()).isEqualTo(FRESH);
        assertThat(fixture.store.load(FRESH)).map(StoredDispute::dispute)
                .hasValueSatisfying(d -> assertThat(d.order().id().value()).isEqualTo("ORD-1"));
        assertThat(fixture.store.load(TAKEN)).map(StoredDispute::dispute)
                .hasValueSatisfying(d -> assertThat(d.order().id().value()).isEqualTo("ORD-2"));
        assertThat(fixture.store.openDisputesOf(new PersonId("alice"))).containsExactly(FRESH);
    }

    @Test
    void whenEveryDrawIsTakenThePersonIsAskedToTryAgainAndNothingIsWritten() {
        Chat chat = chatDrawing(TAKEN, TAKEN, TAKEN, TAKEN, TAKEN, TAKEN);
        chat.as("web:dana").says("menu").presses("Dispute ORD-2");

        Chat.Person alice = chat.as("web:alice");
        alice.says("menu").presses("Dispute ORD-1").received("Please try again");

        assertThat(fixture.store.openDisputesOf(new PersonId("alice"))).isEmpty();
        assertThat(fixture.store.load(TAKEN)).map(StoredDispute::dispute)
                .hasValueSatisfying(d -> assertThat(d.order().id().value()).isEqualTo("ORD-2"));
    }
}
