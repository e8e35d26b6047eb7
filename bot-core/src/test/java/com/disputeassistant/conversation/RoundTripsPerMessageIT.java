package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Step;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.CountingRedis;
import com.disputeassistant.testing.MovableClock;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a message costs in Redis round trips, counted on the client: a message that a platform delivers
 * (with its delivery id) about the dispute a person is in is one read (was it handled, which dispute,
 * the dispute) and one commit; a redelivery is the read alone. So the figure cannot silently grow.
 */
class RoundTripsPerMessageIT {
    private final CountingRedis redis = CountingRedis.connect();
    private final String prefix = RedisTestSupport.uniquePrefix();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final ConversationEngine engine = new ConversationEngine(ConversationFixture.loadMarketplace(),
            new RedisDisputeStore(redis, prefix, clock), ConversationFixture.SETTINGS, clock);
    private final Chat chat = new Chat(engine);
    private final Chat.Person alice = chat.as("web:alice");
    private final Chat.Person bob = chat.as("web:bob");

    @AfterEach
    void cleanUp() {
        RedisTestSupport.deleteKeys(redis, prefix);
        redis.close();
    }

    /** Leaves Alice and Bob talking (the first step where they write to each other through the bot). */
    private void talking() {
        Journeys.reach(Step.INTAKE, alice, bob, chat.as("web:maria"));
        alice.says("Chapters 4 and 5 were not edited at all");
    }

    @Test
    void aMessageAboutTheDisputeInFocusIsOneReadAndOneCommit() {
        talking();
        int bobBefore = bob.messageCount();

        long before = redis.roundTrips();
        alice.delivers("Could you look at chapter 4 again?", "rt-text-1");
        assertThat(redis.roundTrips() - before).as("a text relayed to the other party").isEqualTo(2);
        assertThat(bob.messageCount()).as("the text reached Bob").isEqualTo(bobBefore + 1);

        before = redis.roundTrips();
        bob.delivers("I will, today.", "rt-text-2");
        assertThat(redis.roundTrips() - before).as("the other party's answer").isEqualTo(2);
    }

    @Test
    void aPressIsOneReadAndOneCommit() {
        talking();
        String escalate = alice.optionId("Escalate");

        long before = redis.roundTrips();
        alice.deliversPress(escalate, "rt-press-1");
        assertThat(redis.roundTrips() - before).as("a press on a dispute's button").isEqualTo(2);
        assertThat(alice.last()).as("the press moved the dispute on").doesNotContain("Escalate");
    }

    @Test
    void aRedeliveryIsOneReadAndAnswersNothing() {
        talking();
        alice.delivers("Could you look at chapter 4 again?", "rt-again-1");
        int bobBefore = bob.messageCount();
        int aliceBefore = alice.messageCount();

        long before = redis.roundTrips();
        alice.delivers("Could you look at chapter 4 again?", "rt-again-1");
        assertThat(redis.roundTrips() - before).as("the read finds the delivery handled").isEqualTo(1);
        assertThat(bob.messageCount()).isEqualTo(bobBefore);
        assertThat(alice.messageCount()).isEqualTo(aliceBefore);
    }
}
