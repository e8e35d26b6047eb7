package com.disputeassistant.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.testing.TestRedis;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mediators' room policy, the same for every platform: where a message to a mediator goes, what a
 * mediator may write at the top level, and which dispute a thread is about (on a real Redis).
 */
class ChatRoomIT {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private static final String ROOM = "CROOM01";
    private static final DisputeId DISPUTE = new DisputeId("DAAAAAAA");
    private static final ChannelIdentity MARIA = ChannelIdentity.of("slack:T01TEST/UMARIA");
    private static final ChannelIdentity OMAR = ChannelIdentity.of("slack:T01TEST/UOMAR");
    private static final ChannelIdentity ALICE = ChannelIdentity.of("slack:T01TEST/UALICE");
    private static final ChannelIdentity TELEGRAM_MEDIATOR = ChannelIdentity.of("telegram:77");

    private ChatRoom room;

    @BeforeEach
    void room() {
        room = ChatRoom.threaded(testRedis.client(), testRedis.prefix(), "slack", ROOM,
                ProcedureSettings.defaults().withMediators(Set.of(MARIA, OMAR, TELEGRAM_MEDIATOR)));
    }

    private static OutboundMessage about(ChannelIdentity to, String text) {
        return new OutboundMessage(Address.of(to), text, List.of(), null, DISPUTE);
    }

    @Test
    void theCopiesForEveryMediatorArePostedOnceInTheDisputesThread() {
        assertThat(room.placeOf(about(MARIA, "needs a mediator"))).isEqualTo(new ChatRoom.Place.InThread(DISPUTE));
        assertThat(room.placeOf(about(OMAR, "needs a mediator"))).isEqualTo(new ChatRoom.Place.Copy());
        assertThat(room.placeOf(about(ALICE, "needs a mediator"))).as("a party's DM").isEqualTo(new ChatRoom.Place.Direct());
        assertThat(room.placeOf(about(TELEGRAM_MEDIATOR, "needs a mediator"))).as("another platform's mediator")
                .isEqualTo(new ChatRoom.Place.Direct());
    }

    @Test
    void theSameWordsAgainInALaterTurnArePostedAgainOnce() {
        assertThat(room.placeOf(about(MARIA, "Alice: ok"))).isEqualTo(new ChatRoom.Place.InThread(DISPUTE));
        assertThat(room.placeOf(about(MARIA, "Alice: ok"))).isEqualTo(new ChatRoom.Place.InThread(DISPUTE));
        assertThat(room.placeOf(about(OMAR, "Alice: ok"))).isEqualTo(new ChatRoom.Place.Copy());
    }

    @Test
    void theSameWordsWithOtherButtonsAreNotACopy() {
        OutboundMessage withClaim = new OutboundMessage(Address.of(OMAR), "needs a mediator",
                List.of(new ReplyOption("d:DAAAAAAA:3:CLAIM", "Claim")), null, DISPUTE);

        assertThat(room.placeOf(about(MARIA, "needs a mediator"))).isEqualTo(new ChatRoom.Place.InThread(DISPUTE));
        assertThat(room.placeOf(withClaim)).isEqualTo(new ChatRoom.Place.InThread(DISPUTE));
    }

    @Test
    void anAnswerToAMediatorWhoWroteInTheRoomIsAlwaysShown() {
        OutboundMessage answer = new OutboundMessage(new Address(MARIA, ROOM), "Passed on", List.of(), null, DISPUTE);

        assertThat(room.placeOf(answer)).isEqualTo(new ChatRoom.Place.InThread(DISPUTE));
        assertThat(room.placeOf(answer)).isEqualTo(new ChatRoom.Place.InThread(DISPUTE));
    }

    @Test
    void aMessageAboutNoDisputeGoesWhereTheMediatorWrote() {
        assertThat(room.placeOf(new OutboundMessage(new Address(MARIA, ROOM), "queue", List.of())))
                .isEqualTo(new ChatRoom.Place.TopLevel());
        assertThat(room.placeOf(new OutboundMessage(new Address(MARIA, "UMARIA"), "queue", List.of())))
                .isEqualTo(new ChatRoom.Place.Direct());
    }

    @Test
    void onlyCommandsThatNameNoDisputeWorkAtTheTopLevel() {
        assertThat(List.of("/queue", "!queue", "/claim D1", "/CLAIM D1", "!claim D1", "help", "?", "/help"))
                .allMatch(room::worksAtTopLevel);
        assertThat(List.of("/fee 300", "!fee 300", "hello", "/to client hi", "/handback terms", "queue"))
                .noneMatch(room::worksAtTopLevel);
    }

    @Test
    void aThreadIsAboutTheDisputeWhoseCardStartedIt() {
        room.rememberThread(DISPUTE, "1700000000.000100");

        assertThat(room.disputeOf("1700000000.000100")).contains(DISPUTE);
        assertThat(room.disputeOf("1700000000.999999")).isEmpty();
        assertThat(room.disputeOf(null)).isEmpty();
        assertThat(room.admits(MARIA)).isTrue();
        assertThat(room.admits(ALICE)).isFalse();
    }

    @Test
    void oneInstanceAtATimePostsACard() {
        assertThat(room.leaseCard(DISPUTE, "entry 1")).isTrue();
        assertThat(room.leaseCard(DISPUTE, "entry 1")).as("a retry of the same post").isTrue();
        assertThat(room.leaseCard(DISPUTE, "entry 2")).isFalse();

        room.releaseCard(DISPUTE);

        assertThat(room.leaseCard(DISPUTE, "entry 2")).isTrue();
    }
}
