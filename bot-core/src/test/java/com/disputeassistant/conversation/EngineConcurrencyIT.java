package com.disputeassistant.conversation;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several engine instances sharing one Redis, as several app instances would: conflicting actions on
 * one dispute have exactly one winner, and a dispute survives a restart of the app.
 */
class EngineConcurrencyIT {
    private final ConversationFixture fixture = new ConversationFixture();

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private DisputeId openAtExpertChoice(Chat chat) {
        Chat.Person alice = chat.as("web:alice");
        Chat.Person bob = chat.as("web:bob");
        alice.says("menu").presses("Dispute ORD-1").presses("Delivered, not acceptable").says("Chapters 4 and 5 unedited");
        alice.presses("Escalate").presses("These terms apply");
        bob.presses("These terms apply");
        alice.says("Line-edit chapters 4 and 5").presses("The list is complete");
        bob.presses("Accept the list");
        return fixture.store.openDisputesOf(new PersonId("alice")).get(0);
    }

    @Test
    void conflictingClicksFromSeveralInstancesHaveExactlyOneWinner() throws Exception {
        Chat chat = new Chat(fixture.newEngine());
        DisputeId id = openAtExpertChoice(chat);
        Chat.Person alice = chat.as("web:alice");
        String same = alice.optionId("Same expert");
        String other = alice.optionId("Another expert");
        int seqBefore = fixture.store.load(id).orElseThrow().dispute().stepSeq();

        int contenders = 8;
        List<ConversationEngine> instances = new ArrayList<>();
        List<UnifiedJedis> connections = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            UnifiedJedis connection = RedisConnections.connect(RedisTestSupport.redisUrl());
            connections.add(connection);
            instances.add(new ConversationEngine(fixture.marketplace,
                    new RedisDisputeStore(connection, fixture.prefix, fixture.clock), ConversationFixture.SETTINGS, fixture.clock));
        }
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<OutboundMessage>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                ConversationEngine engine = instances.get(i);
                String option = i % 2 == 0 ? same : other;
                Callable<List<OutboundMessage>> click = () -> {
                    start.await();
                    return engine.handle(InboundMessage.option(Address.of(ChannelIdentity.of("web:alice")), option));
                };
                answers.add(pool.submit(click));
            }
            start.countDown();
            int stale = 0;
            for (Future<List<OutboundMessage>> answer : answers) {
                List<OutboundMessage> messages = answer.get(30, TimeUnit.SECONDS);
                String toAlice = messages.stream().filter(m -> m.to().identity().id().equals("alice"))
                        .map(OutboundMessage::text).findFirst().orElse("");
                if (toAlice.contains("earlier step")) {
                    stale++;
                }
            }
            Dispute after = fixture.store.load(id).orElseThrow().dispute();
            // Exactly one click moved the dispute on by exactly one step; every other got the current state.
            assertThat(after.stepSeq()).isEqualTo(seqBefore + 1);
            assertThat(after.step()).isIn(Step.REWORK, Step.MEDIATION);
            assertThat(stale).isEqualTo(contenders - 1);
            assertThat(fixture.store.timeline(id)).filteredOn(e -> e.from() == Step.EXPERT_CHOICE).hasSize(1);
        } finally {
            pool.shutdownNow();
            connections.forEach(UnifiedJedis::close);
        }
    }

    @Test
    void aDisputeSurvivesARestartOfTheApp() {
        Chat before = new Chat(fixture.newEngine());
        DisputeId id = openAtExpertChoice(before);
        String same = before.as("web:alice").optionId("Same expert");

        // A new engine over a new connection: nothing is carried over in memory.
        try (UnifiedJedis connection = RedisConnections.connect(RedisTestSupport.redisUrl())) {
            ConversationEngine restarted = new ConversationEngine(fixture.marketplace,
                    new RedisDisputeStore(connection, fixture.prefix, fixture.clock), ConversationFixture.SETTINGS, fixture.clock);
            Chat after = new Chat(restarted);
            after.as("web:alice").pressesId(same);
            after.as("web:bob").received("Please do these tasks and deliver again by").received("Line-edit chapters 4 and 5");
            assertThat(fixture.store.load(id).orElseThrow().dispute().step()).isEqualTo(Step.REWORK);
        }
    }
}
