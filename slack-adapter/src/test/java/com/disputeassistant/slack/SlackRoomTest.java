package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.MediatorRoom;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import com.disputeassistant.testing.TestDisputes;
import com.disputeassistant.testing.TestRedis;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where a message to a mediator goes when there is a room, and what a mediator may write at its top level. */
class SlackRoomTest {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private static final String ROOM = "CROOM01";
    private static final ChannelIdentity MARIA = ChannelIdentity.of("slack:T01TEST/UMARIA");
    private static final ChannelIdentity OMAR = ChannelIdentity.of("slack:T01TEST/UOMAR");
    private static final ChannelIdentity ALICE = ChannelIdentity.of("slack:T01TEST/UALICE");

    private final Dispute dispute = TestDisputes.opened();
    private final DisputeStore store = mock(DisputeStore.class);

    private SlackRoom room(String channel) {
        when(store.load(dispute.id())).thenReturn(Optional.of(new StoredDispute(dispute, 1)));
        return new SlackRoom(channel, new MediatorRoom(testRedis.client(), testRedis.prefix(), "slack"),
                ProcedureSettings.defaults().withMediators(Set.of(MARIA, OMAR)), store);
    }

    private OutboundMessage about(ChannelIdentity to, String text) {
        return new OutboundMessage(Address.of(to), text, List.of(), null, dispute.id());
    }

    @Test
    void withoutARoomEveryMessageIsADirectMessage() {
        SlackRoom none = room("");

        assertThat(none.placeOf(about(MARIA, "needs a mediator"))).isEmpty();
        assertThat(none.isRoom(ROOM)).isFalse();
    }

    @Test
    void theCopiesForEveryMediatorArePostedOnceInTheDisputesThread() {
        SlackRoom room = room(ROOM);

        assertThat(room.placeOf(about(MARIA, "needs a mediator"))).contains(new SlackRoom.Place.InThread(dispute.id()));
        assertThat(room.placeOf(about(OMAR, "needs a mediator"))).contains(new SlackRoom.Place.Copy());
        assertThat(room.placeOf(about(ALICE, "needs a mediator"))).as("a party's DM").isEmpty();
    }

    @Test
    void whatTheHolderIsSentIsPostedEvenInTheSameWordsAgain() {
        SlackRoom room = room(ROOM);
        dispute.claim(MARIA.toString());

        assertThat(room.placeOf(about(MARIA, "Alice: ok"))).contains(new SlackRoom.Place.InThread(dispute.id()));
        assertThat(room.placeOf(about(MARIA, "Alice: ok"))).contains(new SlackRoom.Place.InThread(dispute.id()));
        assertThat(room.placeOf(about(OMAR, "Alice: ok"))).contains(new SlackRoom.Place.Copy());
    }

    @Test
    void aMessageAboutNoDisputeGoesWhereTheMediatorWrote() {
        SlackRoom room = room(ROOM);

        assertThat(room.placeOf(new OutboundMessage(new Address(MARIA, ROOM), "queue", List.of())))
                .contains(new SlackRoom.Place.TopLevel());
        assertThat(room.placeOf(new OutboundMessage(new Address(MARIA, "UMARIA"), "queue", List.of()))).isEmpty();
    }

    @Test
    void slackSafeCommandsAndWhatWorksAtTheTopLevel() {
        assertThat(SlackRoom.asCommand("!fee 300")).isEqualTo("/fee 300");
        assertThat(SlackRoom.asCommand(" /to client hi")).isEqualTo("/to client hi");
        assertThat(SlackRoom.asCommand("Hello!")).isEqualTo("Hello!");
        assertThat(List.of("/queue", "/claim D1", "/CLAIM D1", "help")).allMatch(SlackRoom::worksAtTopLevel);
        assertThat(List.of("/fee 300", "/claim", "hello", "/queue now")).noneMatch(SlackRoom::worksAtTopLevel);
    }
}
