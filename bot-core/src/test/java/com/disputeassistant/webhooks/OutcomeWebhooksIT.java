package com.disputeassistant.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.PlatformSender;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.store.Change;
import com.disputeassistant.store.CommitResult;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.StandardWebhooksReceiver;
import com.disputeassistant.testing.StandardWebhooksReceiver.Answer;
import com.disputeassistant.testing.StandardWebhooksReceiver.Received;
import com.disputeassistant.testing.TestDisputes;
import com.disputeassistant.testing.TestRedis;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outcome webhooks from a dispute's commit to a receiver that verifies them with its own code, written
 * from the Standard Webhooks specification ({@link StandardWebhooksReceiver}), through the Redis outbox.
 */
class OutcomeWebhooksIT {
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(
            "a test secret of 32 bytes, fixed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final Duration PERIOD = Duration.ofHours(24);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private final List<OutboxSender> senders = new ArrayList<>();
    private final CountDownLatch endOfTest = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private StandardWebhooksReceiver receiver;
    private RedisDisputeStore store;
    private Outbox outbox;
    private WebhookEndpointStates states;
    private WebhookEndpoint endpoint;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new StandardWebhooksReceiver(SECRET);
        endpoint = new WebhookEndpoint("payments", receiver.url(), WebhookSecret.parse(SECRET));
        store = new RedisDisputeStore(testRedis.client(), testRedis.prefix(), Clock.systemUTC(),
                new WebhookEvents(List.of("payments")));
        outbox = new Outbox(testRedis.client(), testRedis.prefix(), WebhookEvents.CHANNEL);
        states = new WebhookEndpointStates(testRedis.client(), testRedis.prefix());
    }

    @AfterEach
    void tearDown() {
        endOfTest.countDown();
        senders.forEach(OutboxSender::close);
        receiver.close();
    }

    @Test
    void deliversOpenedHandedOffAndClosedSignedWithTheSpecificationsHeaders() {
        startSender(Clock.systemUTC(), Duration.ofSeconds(5));
        Dispute dispute = open();
        handOff(dispute, 1);
        close(dispute, 2, OutcomeType.DECIDED_BY_MEDIATOR, "320.00");

        await(() -> receiver.received().size() == 3);
        List<Received> received = receiver.received();
        assertThat(received).allMatch(Received::verified, "verified by the receiver's own code");
        assertThat(received).extracting(r -> json(r.body()).path("type").asString())
                .containsExactlyInAnyOrder("dispute.opened", "dispute.handed_to_mediator", "dispute.closed");
        assertThat(received).extracting(Received::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("msg_"));
        JsonNode closed = received.stream().map(r -> json(r.body()))
                .filter(body -> body.path("type").asString().equals("dispute.closed")).findFirst().orElseThrow();
        assertThat(closed.path("version").asInt()).isEqualTo(1);
        assertThat(closed.path("data").path("disputeId").asString()).isEqualTo(dispute.id().value());
        assertThat(closed.path("data").path("outcome").asString()).isEqualTo("decided_by_mediator");
        assertThat(closed.path("data").path("fee").asString()).isEqualTo("320.00");
        assertThat(closed.path("data").path("refund").asString()).isEqualTo("180.00");
        assertThat(closed.path("data").path("idempotencyKey").asString()).isEqualTo(dispute.id() + ":DECIDED_BY_MEDIATOR");
        await(() -> outbox.waiting() == 0);
    }

    @Test
    void aFailedCommitQueuesNothingAndAClosedDisputeIsAnnouncedOnce() {
        Dispute dispute = open();
        // A stale version: refused, so its events must not exist.
        assertThat(store.commit(new Change(dispute, 0, List.of(), List.of(), null)))
                .isInstanceOf(CommitResult.VersionConflict.class);
        close(dispute, 1, OutcomeType.SETTLED, "100.00");
        // A later change of the closed dispute (a late message) announces no second close.
        assertThat(store.commit(new Change(dispute, 2, List.of(), List.of(), null))).isInstanceOf(CommitResult.Committed.class);

        assertThat(outbox.waiting()).as("opened + closed").isEqualTo(2);
    }

    @Test
    void retriesAfterA500WithTheSameWebhookIdUntilA2xx() {
        receiver.answers(Answer.status(500), Answer.status(503));
        startSender(Clock.systemUTC(), Duration.ofSeconds(5));
        open();

        await(() -> receiver.received().size() == 3);
        assertThat(receiver.received()).extracting(Received::id).containsOnly(receiver.received().get(0).id());
        assertThat(receiver.received()).allMatch(Received::verified);
        await(() -> outbox.waiting() == 0);
        assertThat(outbox.deadLetters()).isEmpty();
        sleep(Duration.ofMillis(500));
        assertThat(receiver.received()).as("nothing after the 2xx").hasSize(3);
    }

    @Test
    void retriesAfterATimeoutWithTheSameWebhookId() {
        receiver.answers(Answer.after(Duration.ofSeconds(3), 200));
        startSender(Clock.systemUTC(), Duration.ofSeconds(10));
        open();

        await(() -> receiver.received().size() >= 2);
        assertThat(receiver.received()).extracting(Received::id).containsOnly(receiver.received().get(0).id());
        await(() -> outbox.waiting() == 0);
        assertThat(outbox.deadLetters()).isEmpty();
    }

    @Test
    void a410DisablesTheEndpointForEveryInstanceAndAResendDeliversWhatWasKept() {
        receiver.answers(Answer.status(410));
        startSender(Clock.systemUTC(), Duration.ofSeconds(5));
        Dispute first = open();

        await(() -> outbox.deadLetters().size() == 1);
        assertThat(states.disabled("payments")).hasValueSatisfying(why -> assertThat(why).contains("410"));
        String firstId = receiver.received().get(0).id();
        open();
        await(() -> outbox.deadLetters().size() == 2);
        assertThat(receiver.received()).as("nothing sent to a disabled endpoint").hasSize(1);

        states.enable("payments");
        assertThat(outbox.resendDeadLetters("payments/")).isEqualTo(2);

        await(() -> receiver.received().size() == 3);
        assertThat(receiver.received().subList(1, 3)).extracting(Received::id).contains(firstId);
        assertThat(outbox.deadLetters()).isEmpty();
        assertThat(first.id()).isNotNull();
    }

    @Test
    void whatKeepsFailingForTheWholePeriodBecomesADeadLetter() {
        receiver.thenAlways(500);
        ShiftedClock clock = new ShiftedClock();
        startSender(clock, Duration.ofSeconds(5));
        open();
        await(() -> receiver.received().size() >= 2);
        assertThat(outbox.deadLetters()).as("still within the period").isEmpty();

        clock.shift = PERIOD.plusMinutes(1);

        await(() -> outbox.deadLetters().size() == 1);
        assertThat(outbox.deadLetters().get(0).reason()).contains("gave up after trying for PT24H").contains("HTTP 500");
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void anInstanceThatDiesMidSendLeavesTheEventToAnotherWithTheSameWebhookId() {
        WebhookDelivery delivery = delivery(Clock.systemUTC());
        CountDownLatch firstSendStarted = new CountDownLatch(1);
        // Instance A posts the event, then stops for good before it can mark it sent: no ack, no heartbeat.
        PlatformSender dies = entry -> {
            delivery.send(entry);
            firstSendStarted.countDown();
            awaitQuietly(endOfTest);
            throw new IllegalStateException("this instance is gone");
        };
        start(new OutboxSender(outbox, dies, pacing(), Clock.systemUTC(), Duration.ofSeconds(2)));
        open();
        awaitQuietly(firstSendStarted);
        // Instance B, started after A took the event: it must wait for A's hold to lapse, then send it.
        start(new OutboxSender(outbox, delivery, pacing(), Clock.systemUTC(), Duration.ofSeconds(2)));

        await(() -> receiver.received().size() == 2);
        assertThat(receiver.received()).extracting(Received::id).containsOnly(receiver.received().get(0).id());
        assertThat(receiver.received()).allMatch(Received::verified);
        await(() -> outbox.waiting() == 0);
    }

    @Test
    void everyClosedEventKeepsTheMoneyInvariant() {
        startSender(Clock.systemUTC(), Duration.ofSeconds(5));
        String[] fees = {"0.00", "0.01", "250.00", "499.99", "500.00"};
        OutcomeType[] types = {OutcomeType.SETTLED, OutcomeType.DECIDED_BY_MEDIATOR, OutcomeType.ACCEPTED_AFTER_REWORK,
                OutcomeType.REFUNDED_IN_FULL, OutcomeType.SETTLED};
        for (int i = 0; i < fees.length; i++) {
            String fee = types[i] == OutcomeType.REFUNDED_IN_FULL ? "0.00"
                    : types[i] == OutcomeType.ACCEPTED_AFTER_REWORK ? "500.00" : fees[i];
            close(open(), 1, types[i], fee);
        }
        Dispute withdrawn = open();
        withdrawn.moveTo(Step.CLOSED, null, List.of());
        withdrawn.close(Outcome.withoutMoney(withdrawn.id(), OutcomeType.WITHDRAWN, TestDisputes.NOW, "web:alice"));
        commit(withdrawn, 1, Step.INTAKE, Step.CLOSED);

        await(() -> closedEvents().size() == fees.length + 1);
        List<String> keys = new ArrayList<>();
        for (JsonNode event : closedEvents()) {
            JsonNode data = event.path("data");
            keys.add(data.path("idempotencyKey").asString());
            if (!data.path("carriesMoney").asBoolean()) {
                assertThat(data.has("payout")).isFalse();
                continue;
            }
            BigDecimal paid = new BigDecimal(data.path("paid").asString());
            BigDecimal payout = new BigDecimal(data.path("payout").asString());
            BigDecimal refund = new BigDecimal(data.path("refund").asString());
            assertThat(payout.add(refund)).as("payout + refund of %s", data.path("disputeId")).isEqualByComparingTo(paid);
            assertThat(new BigDecimal(data.path("fee").asString())).isEqualByComparingTo(payout);
            assertThat(payout.signum()).isNotNegative();
            assertThat(refund.signum()).isNotNegative();
            assertThat(data.path("currency").asString()).isEqualTo("EUR");
        }
        assertThat(keys).doesNotHaveDuplicates();
    }

    // ---- helpers ----

    /** The real time, moved forward by {@code shift}: the sender's waits still pass in real time. */
    private static final class ShiftedClock extends Clock {
        volatile Duration shift = Duration.ZERO;

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }

    private Dispute open() {
        Dispute dispute = TestDisputes.opened();
        assertThat(store.commit(new Change(dispute, 0, List.of(), List.of(), null))).isInstanceOf(CommitResult.Committed.class);
        return dispute;
    }

    private void handOff(Dispute dispute, long version) {
        dispute.handOff(HandoffReason.FEE_IMPASSE, Step.FEE, TestDisputes.NOW);
        dispute.moveTo(Step.MEDIATION, null, List.of());
        commit(dispute, version, Step.FEE, Step.MEDIATION);
    }

    private void close(Dispute dispute, long version, OutcomeType type, String fee) {
        Step from = dispute.step();
        dispute.moveTo(Step.CLOSED, null, List.of());
        dispute.close(Outcome.withFee(dispute.id(), type, Money.of(fee, "EUR"), dispute.paid(), TestDisputes.NOW, "web:maria"));
        commit(dispute, version, from, Step.CLOSED);
    }

    private void commit(Dispute dispute, long version, Step from, Step to) {
        TimelineEntry entry = new TimelineEntry(TestDisputes.NOW, "web:maria", from, to, "test");
        assertThat(store.commit(new Change(dispute, version, List.of(entry), List.of(), null)))
                .isInstanceOf(CommitResult.Committed.class);
    }

    private List<JsonNode> closedEvents() {
        return receiver.received().stream().map(r -> json(r.body()))
                .filter(body -> body.path("type").asString().equals("dispute.closed")).toList();
    }

    private WebhookDelivery delivery(Clock clock) {
        return new WebhookDelivery(List.of(endpoint), states, http, Duration.ofMillis(500), clock);
    }

    private static SendPacing pacing() {
        return SendPacing.forPeriod(PERIOD, Duration.ofMillis(50), Duration.ofMillis(200), 100);
    }

    private void startSender(Clock clock, Duration takeOverAfter) {
        // The receiver checks timestamps against the real time: the attempts are stamped with it.
        start(new OutboxSender(outbox, delivery(Clock.systemUTC()), pacing(), clock, takeOverAfter));
    }

    private void start(OutboxSender sender) {
        senders.add(sender);
        sender.start();
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + WAIT);
            }
            sleep(Duration.ofMillis(20));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
