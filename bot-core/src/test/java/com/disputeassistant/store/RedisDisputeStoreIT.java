package com.disputeassistant.store;

import static com.disputeassistant.testing.TestDisputes.CLIENT;
import static com.disputeassistant.testing.TestDisputes.EXPERT;
import static com.disputeassistant.testing.TestDisputes.NOW;
import static com.disputeassistant.testing.TestDisputes.REPLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.store.CommitResult.Committed;
import com.disputeassistant.store.CommitResult.OrderAlreadyDisputed;
import com.disputeassistant.store.CommitResult.VersionConflict;
import com.disputeassistant.testing.RedisTestSupport;
import com.disputeassistant.testing.TestRedis;
import com.disputeassistant.testing.TestDisputes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

class RedisDisputeStoreIT {
    private static final Instant SAVED_AT = NOW.plus(Duration.ofMinutes(1));
    private static final ChannelIdentity ALICE_ON_WEB = new ChannelIdentity("web", "alice");

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private RedisClient redis;

    private String prefix;
    private RedisKeys keys;
    private RedisDisputeStore store;

    @BeforeEach
    void freshKeys() {
        redis = testRedis.client();
        prefix = testRedis.prefix();
        keys = new RedisKeys(prefix);
        store = new RedisDisputeStore(redis, prefix, Clock.fixed(SAVED_AT, ZoneOffset.UTC));
    }

    @Test
    void aCommitKeepsWhereTheSenderWroteFromAndARefusedCommitDoesNot() {
        Dispute dispute = TestDisputes.opened();
        Address aliceOnSlack = new Address(ChannelIdentity.of("slack:T1/UALICE"), "D0ALICE");
        assertThat(store.lastAddressesOf(List.of(CLIENT, EXPERT))).isEmpty();

        store.commit(new Change(dispute, 0, List.of(), List.of(), ALICE_ON_WEB, null,
                new Change.LastUsed(CLIENT, Address.of(ALICE_ON_WEB))));
        assertThat(store.lastAddressesOf(List.of(CLIENT, EXPERT))).containsExactly(Map.entry(CLIENT, Address.of(ALICE_ON_WEB)));

        // A change at a stale version writes nothing, where the sender wrote from included.
        assertThat(store.commit(new Change(dispute, 0, List.of(), List.of(), null, null,
                new Change.LastUsed(CLIENT, aliceOnSlack)))).isEqualTo(new VersionConflict(1));
        assertThat(store.lastAddressesOf(List.of(CLIENT))).containsEntry(CLIENT, Address.of(ALICE_ON_WEB));

        store.commit(new Change(dispute, 1, List.of(), List.of(), null, "delivery-1", new Change.LastUsed(CLIENT, aliceOnSlack)));
        assertThat(store.lastAddressesOf(List.of(CLIENT))).containsEntry(CLIENT, aliceOnSlack);

        store.rememberAddress(EXPERT, Address.of(ChannelIdentity.of("telegram:42")));
        assertThat(store.lastAddressesOf(List.of(CLIENT, EXPERT)))
                .containsEntry(CLIENT, aliceOnSlack).containsEntry(EXPERT, Address.of(ChannelIdentity.of("telegram:42")));
        // Loading the dispute reads its parties' addresses in the same round trip.
        assertThat(store.load(dispute.id()).orElseThrow().lastAddresses())
                .containsEntry(CLIENT, aliceOnSlack).containsEntry(EXPERT, Address.of(ChannelIdentity.of("telegram:42")));
    }

    @Test
    void createsADisputeAndLoadsItBack() {
        Dispute dispute = TestDisputes.opened();

        CommitResult result = store.commit(new Change(dispute, 0, List.of(transition(Step.INTAKE, Step.INTAKE, "opened")),
                List.of(line("web:alice", "bot", "I want to open a dispute")), ALICE_ON_WEB));

        assertThat(result).isEqualTo(new Committed(1));
        StoredDispute loaded = store.load(dispute.id()).orElseThrow();
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(DisputeJson.write(loaded.dispute())).isEqualTo(DisputeJson.write(dispute));
        assertThat(redis.hget(keys.dispute(dispute.id()), "step")).isEqualTo("INTAKE");
        assertThat(redis.hget(keys.dispute(dispute.id()), "updatedAt")).isEqualTo(SAVED_AT.toString());
        assertThat(store.openDisputesOf(CLIENT)).containsExactly(dispute.id());
        assertThat(store.openDisputesOf(EXPERT)).containsExactly(dispute.id());
        assertThat(store.focusOf(ALICE_ON_WEB)).contains(dispute.id());
        assertThat(redis.ttl(keys.focus(ALICE_ON_WEB)))
                .isPositive().isLessThanOrEqualTo(RedisDisputeStore.FOCUS_TTL.toSeconds());
        assertThat(store.timeline(dispute.id())).extracting(TimelineEntry::why).containsExactly("opened");
        assertThat(store.transcript(dispute.id(), 10)).extracting(TranscriptEntry::text)
                .containsExactly("I want to open a dispute");
    }

    @Test
    void knowsNothingOfADisputeNeverSaved() {
        DisputeId unknown = DisputeId.random();

        assertThat(store.load(unknown)).isEmpty();
        assertThat(store.timeline(unknown)).isEmpty();
        assertThat(store.transcript(unknown, 5)).isEmpty();
        assertThat(store.openDisputesOf(CLIENT)).isEmpty();
        assertThat(store.focusOf(ALICE_ON_WEB)).isEmpty();
    }

    @Test
    void refusesASecondOpenDisputeForTheSameOrder() {
        Order order = TestDisputes.order();
        Dispute first = TestDisputes.opened(order);
        Dispute second = TestDisputes.opened(order);
        store.commit(create(first));

        CommitResult result = store.commit(create(second));

        assertThat(result).isEqualTo(new OrderAlreadyDisputed(first.id()));
        assertThat(store.load(second.id())).isEmpty();
        assertThat(store.timeline(second.id())).isEmpty();
        assertThat(store.openDisputesOf(CLIENT)).containsExactly(first.id());
    }

    @Test
    void takesOverAnOrderWhoseDisputeNoLongerExists() {
        Order order = TestDisputes.order();
        DisputeId vanished = DisputeId.random();
        redis.set(keys.order(order.id()), vanished.value());
        Dispute dispute = TestDisputes.opened(order);

        CommitResult result = store.commit(create(dispute));

        assertThat(result).isEqualTo(new Committed(1));
        assertThat(redis.get(keys.order(order.id()))).isEqualTo(dispute.id().value());
    }

    @Test
    void refusesToCreateADisputeThatExists() {
        Dispute dispute = TestDisputes.opened();
        store.commit(create(dispute));

        assertThat(store.commit(create(dispute))).isEqualTo(new VersionConflict(1));
        assertThat(store.timeline(dispute.id())).hasSize(1);
    }

    @Test
    void refusesToUpdateADisputeThatWasNeverCreated() {
        Dispute dispute = TestDisputes.opened();

        CommitResult result = store.commit(new Change(dispute, 3, List.of(), List.of(), null));

        assertThat(result).isEqualTo(new VersionConflict(0));
        assertThat(store.load(dispute.id())).isEmpty();
        assertThat(store.openDisputesOf(CLIENT)).isEmpty();
    }

    @Test
    void refusesAStaleVersionAndWritesNothing() {
        Dispute dispute = TestDisputes.opened();
        store.commit(create(dispute));
        dispute.moveTo(Step.TALKING, NOW.plus(Duration.ofDays(3)), List.of());
        store.commit(new Change(dispute, 1, List.of(transition(Step.INTAKE, Step.TALKING, "described")),
                List.of(line("bot", "web:bob", "Alice opened a dispute")), null));
        String savedJson = DisputeJson.write(dispute);

        dispute.moveTo(Step.TERMS, null, List.of());
        CommitResult result = store.commit(new Change(dispute, 1,
                List.of(transition(Step.TALKING, Step.TERMS, "escalate")),
                List.of(line("web:alice", "bot", "escalate")), new ChannelIdentity("web", "stale")));

        assertThat(result).isEqualTo(new VersionConflict(2));
        StoredDispute loaded = store.load(dispute.id()).orElseThrow();
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(DisputeJson.write(loaded.dispute())).isEqualTo(savedJson);
        assertThat(store.timeline(dispute.id())).extracting(TimelineEntry::why).containsExactly("opened", "described");
        assertThat(store.transcript(dispute.id(), 100)).extracting(TranscriptEntry::text)
                .containsExactly("Alice opened a dispute");
        assertThat(store.focusOf(new ChannelIdentity("web", "stale"))).isEmpty();
    }

    @Test
    void ofEightConcurrentCommitsOnOneVersionExactlyOneApplies() throws Exception {
        Dispute original = TestDisputes.opened();
        store.commit(create(original));
        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<CommitResult>> turns = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String why = "turn " + i;
            turns.add(() -> {
                StoredDispute loaded = store.load(original.id()).orElseThrow();
                loaded.dispute().describe(why);
                Change change = new Change(loaded.dispute(), loaded.version(),
                        List.of(transition(Step.INTAKE, Step.INTAKE, why)), List.of(line("web:alice", "bot", why)), null);
                ready.countDown();
                go.await();
                return store.commit(change);
            });
        }

        List<CommitResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CommitResult>> futures = turns.stream().map(pool::submit).toList();
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<CommitResult> future : futures) {
                results.add(future.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).filteredOn(Committed.class::isInstance).containsExactly(new Committed(2));
        assertThat(results).filteredOn(VersionConflict.class::isInstance).hasSize(threads - 1)
                .allMatch(new VersionConflict(2)::equals);
        String winner = store.load(original.id()).orElseThrow().dispute().description().orElseThrow();
        assertThat(store.timeline(original.id())).extracting(TimelineEntry::why).containsExactly("opened", winner);
        assertThat(store.transcript(original.id(), 100)).extracting(TranscriptEntry::text).containsExactly(winner);
    }

    @Test
    void closingReleasesTheOrderDropsTheDisputeFromItsPartiesAndPublishesThePaymentOnce() {
        Order order = TestDisputes.order();
        Dispute dispute = TestDisputes.opened(order);
        store.commit(create(dispute));
        Money fee = Money.of("320.00", "EUR");
        Instant decidedAt = NOW.plus(Duration.ofDays(4));
        dispute.moveTo(Step.CLOSED, null, List.of());
        dispute.close(Outcome.withFee(dispute.id(), OutcomeType.SETTLED, fee, dispute.paid(), decidedAt, "bot"));

        CommitResult closing = store.commit(new Change(dispute, 1,
                List.of(transition(Step.FEE, Step.CLOSED, "fee agreed")), List.of(), null));

        assertThat(closing).isEqualTo(new Committed(2));
        assertThat(store.openDisputesOf(CLIENT)).isEmpty();
        assertThat(store.openDisputesOf(EXPERT)).isEmpty();
        assertThat(redis.exists(keys.order(order.id()))).isFalse();
        List<StreamEntry> events = redis.xrange(keys.payments(), "-", "+");
        assertThat(events).hasSize(1);
        Map<String, String> event = events.get(0).getFields();
        assertThat(event).containsEntry("idempotencyKey", dispute.id() + ":SETTLED")
                .containsEntry("disputeId", dispute.id().value())
                .containsEntry("orderId", order.id().value())
                .containsEntry("outcome", "SETTLED")
                .containsEntry("currency", "EUR")
                .containsEntry("payout", "32000")
                .containsEntry("refund", "18000")
                .containsEntry("paid", Long.toString(dispute.paid().minorUnits()))
                .containsEntry("decidedAt", decidedAt.toString())
                .containsEntry("decidedBy", "bot");
        assertThat(Long.parseLong(event.get("payout")) + Long.parseLong(event.get("refund")))
                .isEqualTo(Long.parseLong(event.get("paid")));

        Dispute next = TestDisputes.opened(order);
        assertThat(store.commit(create(next))).isEqualTo(new Committed(1));
        assertThat(store.openDisputesOf(CLIENT)).containsExactly(next.id());

        // A later commit on the closed dispute publishes nothing and leaves the new dispute's claim alone.
        CommitResult afterClose = store.commit(new Change(dispute, 2,
                List.of(transition(Step.CLOSED, Step.CLOSED, "mediator note")), List.of(), null));
        assertThat(afterClose).isEqualTo(new Committed(3));
        assertThat(redis.xlen(keys.payments())).isEqualTo(1);
        assertThat(redis.get(keys.order(order.id()))).isEqualTo(next.id().value());
        assertThat(store.openDisputesOf(CLIENT)).containsExactly(next.id());
    }

    @Test
    void indexesClosedDisputesByWhenTheyClosedTheLatestFirst() {
        Dispute early = TestDisputes.opened(TestDisputes.order());
        store.commit(create(early));
        Dispute open = TestDisputes.opened();
        assertThat(store.closedSince(NOW, 10)).isEmpty();
        early.moveTo(Step.CLOSED, null, List.of());
        early.close(Outcome.withoutMoney(early.id(), OutcomeType.WITHDRAWN, NOW.plus(Duration.ofDays(1)), "web:alice"));
        store.commit(new Change(early, 1, List.of(), List.of(), null));
        Dispute late = TestDisputes.opened(TestDisputes.order());
        store.commit(create(late));
        late.moveTo(Step.CLOSED, null, List.of());
        late.close(Outcome.withoutMoney(late.id(), OutcomeType.WITHDRAWN, NOW.plus(Duration.ofDays(3)), "web:alice"));
        store.commit(new Change(late, 1, List.of(), List.of(), null));
        // A later commit on a closed dispute does not index it again.
        store.commit(new Change(late, 2, List.of(), List.of(), null));

        assertThat(store.closedSince(NOW, 10)).extracting(Dispute::id).containsExactly(late.id(), early.id());
        assertThat(store.closedSince(NOW.plus(Duration.ofDays(2)), 10)).extracting(Dispute::id).containsExactly(late.id());
        assertThat(store.closedSince(NOW, 1)).extracting(Dispute::id).containsExactly(late.id());
        assertThat(store.closedSince(NOW, 10)).noneMatch(d -> d.id().equals(open.id()));
        assertThat(redis.zscore(keys.closedDisputes(), late.id().value()))
                .isEqualTo((double) NOW.plus(Duration.ofDays(3)).toEpochMilli());
    }

    @Test
    void appliesAPlatformMessageOnceAndRecognisesARetryOfTheSameCommit() {
        Dispute dispute = TestDisputes.opened();
        store.commit(create(dispute));
        dispute.describe("first delivery");
        Change first = new Change(dispute, 1, List.of(), List.of(), null, "telegram:update:41");

        assertThat(store.wasHandled("telegram:update:41")).isFalse();
        assertThat(store.commit(first)).isEqualTo(new Committed(2));
        // The same call again, as a client retries after a timeout: it went in, and only once.
        assertThat(store.commit(first)).isEqualTo(new Committed(2));
        // The same message turned into another change (a redelivery handled on the new state): refused.
        dispute.describe("second delivery");
        assertThat(store.commit(new Change(dispute, 2, List.of(), List.of(), null, "telegram:update:41")))
                .isEqualTo(new CommitResult.AlreadyApplied());

        assertThat(store.load(dispute.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(store.load(dispute.id()).orElseThrow().dispute().description()).contains("first delivery");
        assertThat(store.wasHandled("telegram:update:41")).isTrue();
        assertThat(redis.ttl(keys.inbound("telegram:update:41")))
                .isPositive().isLessThanOrEqualTo(RedisDisputeStore.INBOUND_TTL.toSeconds());
    }

    @Test
    void anAnswerWithoutChangeIsRecordedAsHandledWithoutHidingACommitsOwnRecord() {
        Dispute dispute = TestDisputes.opened();
        store.commit(create(dispute));
        store.commit(new Change(dispute, 1, List.of(), List.of(), null, "slack:event:Ev1"));

        store.markHandled("slack:event:Ev1");
        store.markHandled("slack:event:Ev2");

        assertThat(store.wasHandled("slack:event:Ev2")).isTrue();
        assertThat(store.wasHandled("slack:event:Ev3")).isFalse();
        // The commit's record still names its change, so that commit's retry is still recognised.
        assertThat(store.commit(new Change(dispute, 1, List.of(), List.of(), null, "slack:event:Ev1")))
                .isEqualTo(new Committed(2));
    }

    @Test
    void closingWithoutMoneyPublishesNothing() {
        Dispute dispute = TestDisputes.opened();
        store.commit(create(dispute));
        dispute.moveTo(Step.CLOSED, null, List.of());
        dispute.close(Outcome.withoutMoney(dispute.id(), OutcomeType.WITHDRAWN, NOW, "web:alice"));

        assertThat(store.commit(new Change(dispute, 1, List.of(), List.of(), null))).isEqualTo(new Committed(2));

        assertThat(redis.xlen(keys.payments())).isZero();
        assertThat(store.openDisputesOf(CLIENT)).isEmpty();
        assertThat(redis.exists(keys.order(dispute.order().id()))).isFalse();
    }

    @Test
    void refusesAClosedDisputeWhosePaymentBreaksTheMoneyInvariantAndWritesNothing() {
        Dispute dispute = TestDisputes.opened();
        store.commit(create(dispute));
        dispute.moveTo(Step.CLOSED, null, List.of());
        dispute.close(new Outcome(OutcomeType.SETTLED, Money.of("300.00", "EUR"), Money.of("100.00", "EUR"),
                dispute.id() + ":SETTLED", NOW, "bot"));

        assertThatThrownBy(() -> store.commit(new Change(dispute, 1, List.of(), List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must equal the amount paid");
        assertThat(store.load(dispute.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(redis.xlen(keys.payments())).isZero();
    }

    @Test
    void refusesADisputeClosedWithoutAnOutcome() {
        Dispute dispute = TestDisputes.opened();
        store.commit(create(dispute));
        dispute.moveTo(Step.CLOSED, null, List.of());

        assertThatThrownBy(() -> store.commit(new Change(dispute, 1, List.of(), List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without an outcome");
        assertThat(store.load(dispute.id()).orElseThrow().dispute().step()).isEqualTo(Step.INTAKE);
    }

    @Test
    void aReplacementExpertWhoLeavesNoLongerSeesTheDispute() {
        Dispute dispute = TestDisputes.opened();
        store.commit(create(dispute));
        dispute.assignReplacement(REPLACEMENT);
        store.commit(new Change(dispute, 1, List.of(), List.of(), null));
        assertThat(store.openDisputesOf(REPLACEMENT)).containsExactly(dispute.id());

        dispute.withdrawReplacement();
        CommitResult result = store.commit(new Change(dispute, 2, List.of(), List.of(), null));

        assertThat(result).isEqualTo(new Committed(3));
        assertThat(store.openDisputesOf(REPLACEMENT)).isEmpty();
        assertThat(store.openDisputesOf(CLIENT)).containsExactly(dispute.id());
    }

    @Test
    void listsAPersonsOpenDisputesOldestFirst() {
        Dispute newer = Dispute.open(DisputeId.random(), TestDisputes.order(), CLIENT, NOW.plusSeconds(60));
        Dispute older = Dispute.open(DisputeId.random(), TestDisputes.order(), EXPERT, NOW);
        Dispute oldest = Dispute.open(DisputeId.random(), TestDisputes.order(), CLIENT, NOW.minusSeconds(60));
        store.commit(create(newer));
        store.commit(create(older));
        store.commit(create(oldest));

        assertThat(store.openDisputesOf(CLIENT)).containsExactly(oldest.id(), older.id(), newer.id());
    }

    @Test
    void focusFollowsTheLastDisputeAnIdentityActedOn() {
        Dispute first = TestDisputes.opened();
        Dispute second = TestDisputes.opened();
        store.commit(new Change(first, 0, List.of(), List.of(), ALICE_ON_WEB));
        store.commit(new Change(second, 0, List.of(), List.of(), ALICE_ON_WEB));

        assertThat(store.focusOf(ALICE_ON_WEB)).contains(second.id());
        assertThat(store.focusOf(new ChannelIdentity("telegram", "alice"))).isEmpty();
    }

    @Test
    void aNewConnectionAndStoreReadWhatAnEarlierOneWrote() {
        Dispute dispute = TestDisputes.opened();
        dispute.assignReplacement(REPLACEMENT);
        try (RedisClient before = RedisConnections.connect(RedisTestSupport.redisUrl())) {
            new RedisDisputeStore(before, prefix, Clock.systemUTC()).commit(new Change(dispute, 0,
                    List.of(transition(Step.INTAKE, Step.TALKING, "described")),
                    List.of(line("web:alice", "bot", "hello")), ALICE_ON_WEB));
        }

        try (RedisClient after = RedisConnections.connect(RedisTestSupport.redisUrl())) {
            RedisDisputeStore restarted = new RedisDisputeStore(after, prefix, Clock.systemUTC());
            StoredDispute loaded = restarted.load(dispute.id()).orElseThrow();
            assertThat(loaded.version()).isEqualTo(1);
            assertThat(DisputeJson.write(loaded.dispute())).isEqualTo(DisputeJson.write(dispute));
            assertThat(restarted.timeline(dispute.id())).extracting(TimelineEntry::why).containsExactly("described");
            assertThat(restarted.transcript(dispute.id(), 1)).extracting(TranscriptEntry::text).containsExactly("hello");
            assertThat(restarted.focusOf(ALICE_ON_WEB)).contains(dispute.id());
            assertThat(restarted.openDisputesOf(REPLACEMENT)).containsExactly(dispute.id());
        }
    }

    @Test
    void keepsTimelineAndTranscriptInOrderAcrossCommits() {
        Dispute dispute = TestDisputes.opened();
        store.commit(new Change(dispute, 0, List.of(transition(Step.INTAKE, Step.INTAKE, "opened")),
                List.of(line("web:alice", "bot", "1"), line("bot", "web:alice", "2")), null));
        dispute.moveTo(Step.TALKING, null, List.of());
        store.commit(new Change(dispute, 1,
                List.of(transition(Step.INTAKE, Step.TALKING, "described"), transition(Step.TALKING, Step.TALKING, "notified")),
                List.of(line("bot", "web:bob", "3"), line("web:bob", "bot", "4"), line("bot", "web:alice", "5")), null));

        assertThat(store.timeline(dispute.id())).extracting(TimelineEntry::why)
                .containsExactly("opened", "described", "notified");
        assertThat(store.transcript(dispute.id(), 100)).extracting(TranscriptEntry::text)
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(store.transcript(dispute.id(), 2)).extracting(TranscriptEntry::text).containsExactly("4", "5");
        assertThat(store.transcript(dispute.id(), 0)).isEmpty();
        assertThatThrownBy(() -> store.transcript(dispute.id(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    }

    @Test
    void keepsOnlyTheNewestTranscriptLines() {
        Dispute dispute = TestDisputes.opened();
        int cap = RedisDisputeStore.TRANSCRIPT_CAP;
        store.commit(new Change(dispute, 0, List.of(), lines(0, cap - 2), null));

        store.commit(new Change(dispute, 1, List.of(), lines(cap - 1, cap + 4), null));

        assertThat(redis.llen(keys.transcript(dispute.id()))).isEqualTo(cap);
        List<TranscriptEntry> all = store.transcript(dispute.id(), cap + 10);
        assertThat(all).hasSize(cap);
        assertThat(all.get(0).text()).isEqualTo("line 5");
        assertThat(all.get(cap - 1).text()).isEqualTo("line " + (cap + 4));
    }

    private static Change create(Dispute dispute) {
        return new Change(dispute, 0, List.of(transition(Step.INTAKE, Step.INTAKE, "opened")), List.of(), null);
    }

    private static TimelineEntry transition(Step from, Step to, String why) {
        return new TimelineEntry(NOW, "web:alice", from, to, why);
    }

    private static TranscriptEntry line(String from, String to, String text) {
        return new TranscriptEntry(NOW, from, to, text);
    }

    /** Lines "line first" .. "line last", inclusive. */
    private static List<TranscriptEntry> lines(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(i -> line("web:alice", "bot", "line " + i)).toList();
    }
}
