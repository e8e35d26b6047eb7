package com.disputeassistant.conversation;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.Change;
import com.disputeassistant.store.CommitResult;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.store.StoredDispute;
import com.disputeassistant.testing.QueuedChannel;
import com.disputeassistant.testing.RedisTestSupport;
import com.disputeassistant.timers.DeadlineTimers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn's replies are part of its commit: queued by the same atomic write as the turn's new state (or,
 * for a message that changed nothing, by the write of its handled-marker), so they are queued exactly when
 * the turn is applied, and once, whichever copy of a delivery runs it and however often it arrives.
 * What a channel would send is read back from Redis ({@link QueuedChannel}), not from what was rendered.
 */
class RepliesWithTheTurnIT {
    private static final Address ALICE = Address.of(ChannelIdentity.of("web:alice"));

    private final ConversationFixture fixture = new ConversationFixture();
    private final QueuedChannel channel = new QueuedChannel(fixture.redis, fixture.prefix);
    private final Delivery delivery = new Delivery(List.of(channel));
    private final ConversationEngine engine = fixture.newEngine();
    private final List<UnifiedJedis> connections = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        connections.forEach(UnifiedJedis::close);
        fixture.close();
    }

    private ConversationEngine.Handled send(InboundMessage message) {
        return engine.handleCounted(message, delivery);
    }

    /** Alice opens a dispute about ORD-1 (a press of the menu's option, with the platform's delivery id). */
    private ConversationEngine.Handled open(String deliveryId) {
        return send(InboundMessage.option(ALICE, OptionId.open("ORD-1")).withDeliveryId(deliveryId));
    }

    private StoredDispute stored() {
        DisputeId id = fixture.store.openDisputesOf(new PersonId("alice")).get(0);
        return fixture.store.load(id).orElseThrow();
    }

    private static String optionId(List<OutboundMessage> messages, String label) {
        return messages.stream().flatMap(m -> m.options().stream()).filter(o -> o.label().startsWith(label))
                .map(ReplyOption::id).findFirst().orElseThrow(() -> new AssertionError("no option " + label));
    }

    @Test
    void aTurnsRepliesAreQueuedByItsCommitAndARedeliveryQueuesNothingMore() {
        ConversationEngine.Handled opened = open("open-1");

        assertThat(opened.applied()).isTrue();
        assertThat(channel.queued()).isNotEmpty().containsExactlyElementsOf(opened.replies());
        assertThat(fixture.store.wasHandled("open-1")).isTrue();

        // The platform sends the same press again (its acknowledgement got lost): the order is disputed
        // now, but that answer is not queued, and Alice still has the replies of her first delivery, once.
        ConversationEngine.Handled again = open("open-1");
        assertThat(again.applied()).isFalse();
        assertThat(channel.queued()).containsExactlyElementsOf(opened.replies());
    }

    @Test
    void aCommitRefusedForAConflictQueuesNoReplies() {
        open("open-1");
        StoredDispute stored = stored();
        int queued = channel.queued().size();
        OutboundMessage reply = new OutboundMessage(ALICE, "This reply belongs to a change that never applies", List.of());

        CommitResult result = fixture.store.commit(new Change(stored.dispute(), stored.version() + 1, List.of(),
                List.of(), null, "conflicting-1").withReplies(delivery.render(List.of(reply))));

        assertThat(result).isInstanceOf(CommitResult.VersionConflict.class);
        assertThat(channel.queued()).hasSize(queued).doesNotContain(reply);
        assertThat(fixture.store.wasHandled("conflicting-1")).isFalse();
    }

    @Test
    void twoCopiesOfOneDeliveryInFlightAtOnceQueueTheRepliesOnce() throws Exception {
        ConversationEngine.Handled opened = open("open-1");
        InboundMessage press = InboundMessage.option(ALICE, optionId(opened.replies(), "Delivered, not acceptable"))
                .withDeliveryId("press-1");
        long version = stored().version();
        int queuedBefore = channel.queued().size();
        long renderedBefore = channel.renderings();

        // Two instances take the same delivery (a webhook sent twice at once): both load the same version and
        // render their replies before either commits, so the second finds its very change applied.
        List<ConversationEngine.Handled> handled = inParallel(2, other -> other.handleCounted(press, delivery));

        assertThat(handled).allMatch(ConversationEngine.Handled::applied);
        assertThat(stored().version()).as("applied once").isEqualTo(version + 1);
        List<OutboundMessage> queued = channel.queued().subList(queuedBefore, channel.queued().size());
        assertThat(queued).isNotEmpty().containsExactlyElementsOf(handled.get(0).replies());
        assertThat(channel.renderings() - renderedBefore).as("both rendered them").isEqualTo(2L * queued.size());
    }

    @Test
    void anAnswerThatChangesNothingIsQueuedWithItsMarkerOnceEvenForTwoCopiesAtOnce() throws Exception {
        InboundMessage help = InboundMessage.text(ALICE, "help").withDeliveryId("help-1");

        List<ConversationEngine.Handled> handled = inParallel(2, other -> other.handleCounted(help, delivery));

        assertThat(handled).noneMatch(ConversationEngine.Handled::applied);
        assertThat(channel.queued()).hasSize(1).containsExactlyElementsOf(handled.get(0).replies());
        assertThat(fixture.store.wasHandled("help-1")).isTrue();

        channel.meetAtEachRendering(null);
        send(help);
        assertThat(channel.queued()).as("a redelivery").hasSize(1);
    }

    @Test
    void aTimersMessagesAreQueuedByItsCommitOnce() {
        ConversationEngine.Handled opened = open("open-1");
        ConversationEngine.Handled reason = send(InboundMessage.option(ALICE,
                optionId(opened.replies(), "Delivered, not acceptable")).withDeliveryId("reason-1"));
        send(InboundMessage.text(ALICE, "Chapters 4 and 5 were not edited").withDeliveryId("describe-1"));
        assertThat(reason.applied()).isTrue();
        assertThat(stored().dispute().step()).isEqualTo(Step.TALKING);
        int queuedBefore = channel.queued().size();
        long version = stored().version();

        fixture.clock.advance(Duration.ofDays(3));
        DeadlineTimers timers = new DeadlineTimers(fixture.store, engine, delivery, fixture.clock, Duration.ofSeconds(1));
        assertThat(timers.fireDue()).isEqualTo(1);

        assertThat(stored().version()).isEqualTo(version + 1);
        List<OutboundMessage> queued = channel.queued().subList(queuedBefore, channel.queued().size());
        for (String party : List.of("web:alice", "web:bob")) {
            assertThat(queued).filteredOn(m -> m.to().identity().toString().equals(party))
                    .anyMatch(m -> m.text().contains("The deadline for talking it out passed"));
        }

        // The same timer again (another instance's lease ran out): nothing is due, nothing is queued.
        assertThat(engine.timerFired(stored().dispute().id(), delivery)).isEmpty();
        assertThat(channel.queued()).hasSize(queuedBefore + queued.size());
    }

    /**
     * Runs {@code turn} on {@code copies} engine instances at once, each over its own connection, meeting at
     * every rendering of replies, so that all of them have loaded the dispute before any commits.
     */
    private List<ConversationEngine.Handled> inParallel(int copies,
                                                        Function<ConversationEngine, ConversationEngine.Handled> turn)
            throws Exception {
        channel.meetAtEachRendering(new CyclicBarrier(copies));
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<Future<ConversationEngine.Handled>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                UnifiedJedis connection = RedisConnections.connect(RedisTestSupport.redisUrl());
                connections.add(connection);
                ConversationEngine instance = new ConversationEngine(fixture.marketplace,
                        new RedisDisputeStore(connection, fixture.prefix, fixture.clock), ConversationFixture.SETTINGS,
                        fixture.clock);
                futures.add(pool.submit(() -> turn.apply(instance)));
            }
            List<ConversationEngine.Handled> handled = new ArrayList<>();
            for (Future<ConversationEngine.Handled> future : futures) {
                handled.add(future.get(30, TimeUnit.SECONDS));
            }
            return handled;
        } finally {
            channel.meetAtEachRendering(null);
            pool.shutdownNow();
        }
    }
}
