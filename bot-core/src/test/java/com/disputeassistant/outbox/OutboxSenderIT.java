package com.disputeassistant.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.testing.PrometheusText;
import com.disputeassistant.testing.TestRedis;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.XPendingParams;

class OutboxSenderIT {
    /** Fast enough for a test; the ordering and pacing rules are the same as with the real figures. */
    private static final SendPacing FAST = new SendPacing(Duration.ZERO, 1000, 3, Duration.ofMillis(50),
            Duration.ofMillis(200));
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private RedisClient redis;
    private final List<OutboxSender> senders = new ArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private String prefix;
    private Outbox outbox;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeEach
    void freshOutbox() {
        redis = testRedis.client();
        prefix = testRedis.prefix();
        outbox = new Outbox(redis, prefix, "chat");
    }

    @AfterEach
    void stop() {
        senders.forEach(OutboxSender::close);
    }

    @Test
    void sendsEveryEntryInOrderPerConversationAndKeepsNoneOnceSent() {
        outbox.append(List.of(entry("A", "a1"), entry("B", "b1"), entry("A", "a2")));
        outbox.append(List.of(entry("A", "a3"), entry("B", "b2")));

        start(FAST, recording());

        await(() -> sent.size() == 5);
        assertThat(payloadsTo("A")).containsExactly("a1", "a2", "a3");
        assertThat(payloadsTo("B")).containsExactly("b1", "b2");
        await(() -> outbox.waiting() == 0);
        assertThat(outbox.deadLetters()).isEmpty();
    }

    @Test
    void leavesAtLeastThePacingIntervalBetweenTwoMessagesToOneConversation() {
        Duration interval = Duration.ofMillis(250);
        start(new SendPacing(interval, 1000, 3, Duration.ofMillis(50), Duration.ofMillis(200)), recording());

        outbox.append(List.of(entry("A", "a1"), entry("A", "a2"), entry("A", "a3"), entry("B", "b1")));

        await(() -> sent.size() == 4);
        List<Sent> toA = sent.stream().filter(s -> s.conversation().equals("A")).toList();
        for (int i = 1; i < toA.size(); i++) {
            assertThat(Duration.between(toA.get(i - 1).at(), toA.get(i).at())).isGreaterThanOrEqualTo(interval);
        }
        // Another conversation is not held up by A's pacing.
        Instant toB = sent.stream().filter(s -> s.conversation().equals("B")).findFirst().orElseThrow().at();
        assertThat(toB).isBefore(toA.get(2).at());
    }

    @Test
    void waitsTheTimeA429AskedForThenSendsOnce() {
        Duration retryAfter = Duration.ofMillis(400);
        AtomicInteger calls = new AtomicInteger();
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        start(FAST, entry -> {
            attempts.add(Instant.now());
            if (calls.incrementAndGet() == 1) {
                throw SendFailure.retryAfter(retryAfter, "429 Too Many Requests");
            }
            record(entry);
        });

        outbox.append(List.of(entry("A", "hello")));

        await(() -> sent.size() == 1);
        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(retryAfter);
        await(() -> outbox.waiting() == 0);
    }

    @Test
    void retriesTransientFailuresWithGrowingBackoffAndDeadLettersWhatNeverGoesThrough() {
        Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        start(FAST, entry -> {
            int attempt = tries.computeIfAbsent(entry.payload(), p -> new AtomicInteger()).incrementAndGet();
            switch (entry.payload()) {
                case "flaky" -> {
                    if (attempt < 3) {
                        throw SendFailure.transientFailure("502 Bad Gateway", null);
                    }
                    record(entry);
                }
                case "down" -> throw SendFailure.transientFailure("connection refused", null);
                case "blocked" -> throw SendFailure.permanent("403 Forbidden: bot was blocked by the user");
                default -> record(entry);
            }
        });

        outbox.append(List.of(entry("A", "flaky"), entry("B", "down"), entry("C", "blocked"), entry("C", "after")));

        await(() -> outbox.deadLetters().size() == 2 && sent.size() == 2);
        assertThat(sent).extracting(Sent::payload).containsExactlyInAnyOrder("flaky", "after");
        assertThat(tries.get("down")).hasValue(FAST.maxAttempts());
        assertThat(tries.get("blocked")).as("a permanent failure is not retried").hasValue(1);
        assertThat(outbox.deadLetters()).extracting(letter -> letter.entry().payload(), Outbox.DeadLetter::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("down", "gave up after 3 attempts; last: connection refused"),
                        org.assertj.core.groups.Tuple.tuple("blocked", "403 Forbidden: bot was blocked by the user"));
        await(() -> outbox.waiting() == 0);
    }

    @Test
    void aDeadLetterA429AndTheBacklogShowInTheOutboxMetersAsPrometheusReadsThem() {
        outbox.append(List.of(entry("A", "waits"), entry("A", "waits too")));
        sleep(Duration.ofMillis(100));
        PrometheusText queued = scrapeAfterTheBacklogCacheExpired();
        assertThat(queued.value("dispute_outbox_waiting", "channel", "chat")).isEqualTo(2);
        assertThat(queued.value("dispute_outbox_oldest_age_seconds", "channel", "chat")).isGreaterThanOrEqualTo(0.1);

        AtomicInteger calls = new AtomicInteger();
        start(FAST, entry -> {
            switch (entry.payload()) {
                case "blocked" -> throw SendFailure.permanent("403 Forbidden: bot was blocked by the user");
                case "busy" -> {
                    if (calls.incrementAndGet() == 1) {
                        throw SendFailure.retryAfter(Duration.ofMillis(100), "429 Too Many Requests");
                    }
                    record(entry);
                }
                default -> record(entry);
            }
        });
        outbox.append(List.of(entry("B", "blocked"), entry("C", "busy")));
        await(() -> sent.size() == 3 && outbox.deadLetters().size() == 1);

        PrometheusText after = scrapeAfterTheBacklogCacheExpired();
        assertThat(after.value("dispute_outbox_dead_letters_total", "channel", "chat")).isEqualTo(1);
        assertThat(after.value("dispute_outbox_rate_limited_total", "channel", "chat")).isEqualTo(1);
        assertThat(after.value("dispute_outbox_sends_total", "channel", "chat", "result", "sent")).isEqualTo(3);
        assertThat(after.value("dispute_outbox_sends_total", "channel", "chat", "result", "retried")).isEqualTo(1);
        assertThat(after.value("dispute_outbox_sends_total", "channel", "chat", "result", "dead")).isEqualTo(1);
        assertThat(after.value("dispute_outbox_waiting", "channel", "chat")).isZero();
        assertThat(after.value("dispute_outbox_oldest_age_seconds", "channel", "chat")).isZero();
    }

    /** The backlog gauges read Redis at most every few seconds: wait that out, then read what Prometheus would. */
    private PrometheusText scrapeAfterTheBacklogCacheExpired() {
        if (meters.find("dispute.outbox.waiting").gauge() == null) {
            // No sender yet: register the outbox's meters as a sender would, without starting it.
            new OutboxSender(outbox, this::record, FAST, Clock.systemUTC(), OutboxSender.ABANDONED_AFTER, meters);
        } else {
            sleep(OutboxMeters.BACKLOG_MAX_AGE.plusMillis(100));
        }
        return PrometheusText.parse(meters.scrape());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Test
    void sendsWhatWasQueuedWhileNoSenderRanAndTakesOverWhatAStoppedOneHeld() {
        outbox.append(List.of(entry("A", "queued while down 1"), entry("A", "queued while down 2")));
        outbox.createGroup();
        // A sender that took both entries and died before sending them.
        assertThat(outbox.takeNew("sender-that-died", 10, Duration.ZERO)).hasSize(2);
        outbox.append(List.of(entry("A", "queued later")));

        start(FAST, recording(), Duration.ofMillis(300));

        await(() -> sent.size() == 3);
        assertThat(payloadsTo("A")).containsExactlyInAnyOrder("queued while down 1", "queued while down 2",
                "queued later");
        await(() -> outbox.waiting() == 0);
    }

    @Test
    void anEntryWaitingForALongRetryIsNotTakenOverByAnotherSender() {
        Duration abandonedAfter = Duration.ofMillis(300);
        AtomicInteger firstCalls = new AtomicInteger();
        // The first sender is told to wait three take-over periods, and keeps the entry meanwhile.
        start(FAST, entry -> {
            if (firstCalls.incrementAndGet() == 1) {
                throw SendFailure.retryAfter(abandonedAfter.multipliedBy(3), "429");
            }
            record(entry);
        }, abandonedAfter);
        outbox.append(List.of(entry("A", "once")));
        await(() -> firstCalls.get() == 1);
        start(FAST, recording(), abandonedAfter);

        await(() -> sent.size() == 1);
        await(() -> outbox.waiting() == 0);
        assertThat(firstCalls).as("the first sender sent it after its wait").hasValue(2);
        assertThat(sent).hasSize(1);
    }

    @Test
    void whenOneOfTwoSendersDiesTheOtherSendsWhatItHeldWithinSecondsInOrderAndNoneTwice() {
        int conversations = 10;
        int perConversation = 30;
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 1; i <= perConversation; i++) {
            for (int c = 0; c < conversations; c++) {
                entries.add(entry("C" + c, "C" + c + "-" + i));
            }
        }
        AtomicInteger dyingSends = new AtomicInteger();
        List<OutboxSender> dying = new ArrayList<>();
        List<Instant> diedAt = new CopyOnWriteArrayList<>();
        List<String> heldWhenItDied = new CopyOnWriteArrayList<>();
        // Slow enough that both senders hold a full window when the first one dies at its 20th send, before
        // the platform got that message: no acknowledgement, no heartbeat from then on.
        PlatformSender first = entry -> {
            if (dyingSends.incrementAndGet() == 20) {
                dying.get(0).haltAsIfKilled();
                diedAt.add(Instant.now());
                String queue = Outbox.queueKey(prefix, "chat");
                redis.xpending(queue, Outbox.GROUP, XPendingParams.xPendingParams().count(1000)
                        .consumer(dying.get(0).consumerName())).forEach(pending -> heldWhenItDied.add(
                        redis.xrange(queue, pending.getID(), pending.getID()).get(0).getFields().get("payload")));
                throw new IllegalStateException("killed");
            }
            sleep(Duration.ofMillis(2));
            record(entry);
        };
        PlatformSender second = entry -> {
            sleep(Duration.ofMillis(2));
            record(entry);
        };
        OutboxSender a = new OutboxSender(outbox, first, FAST, Clock.systemUTC(), meters);
        dying.add(a);
        senders.add(a);
        OutboxSender b = new OutboxSender(outbox, second, FAST, Clock.systemUTC(), meters);
        senders.add(b);
        outbox.append(entries);
        a.start();
        b.start();

        await(() -> sent.size() == entries.size());
        assertThat(heldWhenItDied).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(OutboxSender.WINDOW);
        Instant lastOfTheDead = sent.stream().filter(s -> heldWhenItDied.contains(s.payload())).map(Sent::at)
                .max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(diedAt.get(0), lastOfTheDead)).as("what the dead one held, sent within seconds")
                .isLessThan(a.heartbeat().plusSeconds(2));
        assertThat(sent).extracting(Sent::payload).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(OutboxEntry::payload).toList());
        for (int c = 0; c < conversations; c++) {
            String to = "C" + c;
            assertThat(payloadsTo(to)).as("in order to " + to).containsExactlyElementsOf(
                    entries.stream().filter(e -> e.conversation().equals(to)).map(OutboxEntry::payload).toList());
        }
        await(() -> outbox.waiting() == 0);
        await(() -> redis.xinfoConsumers2(Outbox.queueKey(prefix, "chat"), Outbox.GROUP).size() == 1);
    }

    @Test
    void aSenderHoldsOnlyASmallWindowAhead() {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(entry("C" + (i % 7), "m" + i));
        }
        outbox.append(entries);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        start(FAST, entry -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            record(entry);
        });
        await(() -> redis.xpending(Outbox.queueKey(prefix, "chat"), Outbox.GROUP).getTotal() > 0);
        sleep(Duration.ofMillis(300));
        assertThat(redis.xpending(Outbox.queueKey(prefix, "chat"), Outbox.GROUP).getTotal())
                .isLessThanOrEqualTo(OutboxSender.WINDOW);
        release.countDown();
        await(() -> sent.size() == entries.size());
    }

    @Test
    void anEntryTakenOverWhileItsSenderWasAwayIsNotSentByIt() {
        outbox.append(List.of(entry("A", "a1"), entry("A", "a2")));
        outbox.createGroup();
        List<Outbox.Queued> mine = outbox.takeNew("paused", 10, Duration.ZERO);
        // "paused" was frozen past its heartbeat; "alive" took its entries over meanwhile.
        outbox.alive("alive", Duration.ofSeconds(5));
        sleep(Duration.ofMillis(20));
        assertThat(outbox.takeOverFrom("paused", "alive", Duration.ofMillis(10), 10)).extracting(Outbox.Queued::id)
                .containsExactlyElementsOf(mine.stream().map(Outbox.Queued::id).toList());
        assertThat(outbox.maySend("paused", mine.get(0), Duration.ofSeconds(5))).isEqualTo(Outbox.SendCheck.GONE);
        assertThat(outbox.maySend("alive", mine.get(1), Duration.ofSeconds(5)))
                .as("a2 waits while a1 is still in the stream").isEqualTo(Outbox.SendCheck.WAIT);
        assertThat(outbox.maySend("alive", mine.get(0), Duration.ofSeconds(5))).isEqualTo(Outbox.SendCheck.GO);
        assertThat(outbox.otherConsumers("alive")).as("a consumer that holds nothing left the group").isEmpty();
    }

    @Test
    void aLiveSendersEntriesAreNotTakenOver() {
        outbox.append(List.of(entry("A", "a1")));
        outbox.createGroup();
        outbox.alive("busy", Duration.ofSeconds(5));
        outbox.takeNew("busy", 10, Duration.ZERO);
        sleep(Duration.ofMillis(20));
        assertThat(outbox.takeOverFrom("busy", "other", Duration.ZERO, 10)).isEmpty();
        assertThat(outbox.otherConsumers("other")).containsExactly("busy");
    }

    // ---- helpers ----

    private record Sent(String conversation, String payload, Instant at) {
    }

    private void record(OutboxEntry entry) {
        sent.add(new Sent(entry.conversation(), entry.payload(), Instant.now()));
    }

    private PlatformSender recording() {
        return this::record;
    }

    private List<String> payloadsTo(String conversation) {
        return sent.stream().filter(s -> s.conversation().equals(conversation)).map(Sent::payload).toList();
    }

    private void start(SendPacing pacing, PlatformSender platform) {
        start(pacing, platform, OutboxSender.ABANDONED_AFTER);
    }

    private void start(SendPacing pacing, PlatformSender platform, Duration abandonedAfter) {
        OutboxSender sender = new OutboxSender(outbox, platform, pacing, Clock.systemUTC(), abandonedAfter, meters);
        senders.add(sender);
        sender.start();
    }

    private static OutboxEntry entry(String conversation, String payload) {
        return new OutboxEntry(conversation, payload);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
