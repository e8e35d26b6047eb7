package com.disputeassistant.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.testing.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MediatorRoomIT {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private static final DisputeId FIRST = new DisputeId("DAAAAAAA");
    private static final DisputeId SECOND = new DisputeId("DBBBBBBB");

    private MediatorRoom slack;
    private MediatorRoom telegram;

    @BeforeEach
    void rooms() {
        slack = new MediatorRoom(testRedis.client(), testRedis.prefix(), "slack");
        telegram = new MediatorRoom(testRedis.client(), testRedis.prefix(), "telegram");
    }

    @Test
    void rememberEachDisputesThreadBothWaysPerChannel() {
        assertThat(slack.threadOf(FIRST)).isEmpty();

        slack.rememberThread(FIRST, "1712345678.000100");
        slack.rememberThread(SECOND, "1712345999.000200");

        assertThat(slack.threadOf(FIRST)).contains("1712345678.000100");
        assertThat(slack.disputeOf("1712345999.000200")).contains(SECOND);
        assertThat(slack.disputeOf("1712345000.000000")).isEmpty();
        assertThat(slack.disputeOf(null)).isEmpty();
        assertThat(telegram.threadOf(FIRST)).as("another channel's room").isEmpty();
    }

    @Test
    void eachMediatorsCopyOfATurnIsPostedOnceAndTheSameWordsInALaterTurnOnceAgain() {
        ChannelIdentity maria = ChannelIdentity.of("slack:T1/UMARIA");
        ChannelIdentity omar = ChannelIdentity.of("slack:T1/UOMAR");
        String handOff = "Dispute DAAAAAAA needs a mediator";

        assertThat(slack.firstCopy(maria, FIRST, handOff)).isTrue();
        assertThat(slack.firstCopy(omar, FIRST, handOff)).as("Omar's copy").isFalse();
        // Handed back, then handed off again in the same words: shown again, still once.
        assertThat(slack.firstCopy(omar, FIRST, handOff)).as("the second hand-off").isTrue();
        assertThat(slack.firstCopy(maria, FIRST, handOff)).as("Maria's copy of it").isFalse();
        assertThat(slack.firstCopy(maria, SECOND, handOff)).as("another dispute").isTrue();
    }

    @Test
    void theRoomHasAnIdentityOfItsOwnForItsButtons() {
        assertThat(slack.identity().toString()).isEqualTo("slack-room:mediators");
        assertThat(telegram.identity()).isNotEqualTo(slack.identity());
    }
}
