package com.disputeassistant.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.outbox.SendLimits.Platform;
import com.disputeassistant.outbox.SendLimits.Rate;
import com.disputeassistant.testing.RateWatch;
import com.disputeassistant.testing.TestRedis;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared limiter against a real Redis: two limiters (two instances) drawing from one budget, the wait it
 * names, a group's extra limit, and a send the bot's limit refused given back to the conversation.
 */
class RedisSendLimitsIT {
    /** Telegram's figures: 30 a second per bot, one a second per chat. */
    private static final Platform TELEGRAM = Platform.telegram();
    /** Noise between where the limiter counts and where the watch times, on a busy test machine. */
    private static final Duration NOISE = Duration.ofMillis(100);

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    @Test
    void aBurstFromTwoInstancesStaysWithinTheLimitsTheyShare() throws Exception {
        RedisSendLimits first = new RedisSendLimits(testRedis.client(), testRedis.prefix(), TELEGRAM, "42");
        RedisSendLimits second = new RedisSendLimits(testRedis.client(), testRedis.prefix(), TELEGRAM, "42");
        RateWatch watch = new RateWatch(List.of(Rate.perSecond(30)), List.of(Rate.perSecond(1)), List.of(),
                c -> false, NOISE);
        long end = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            RedisSendLimits limits = t % 2 == 0 ? first : second;
            int thread = t;
            running.add(threads.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    // 80 chats, each wanted by two threads of different instances at once.
                    String chat = Integer.toString((thread / 2 * 20 + n++ % 20) % 80);
                    if (limits.take(chat).isZero()) {
                        watch.arrived(chat);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(10, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(watch.violations()).isEmpty();
        // The budget is used, not just kept: 30 at once, then 30 a second and a margin (minus the edges' noise).
        assertThat(watch.messages()).isBetween(60, 30 + (int) (2.5 * 30));
        assertThat(watch.busiest()).hasEntrySatisfying("bot per PT1S", most -> assertThat(most).isGreaterThanOrEqualTo(30));
        System.out.printf("two limiters, 8 threads, 2.5 s: %d sends; busiest windows: %s%n", watch.messages(),
                watch.busiest());
    }

    @Test
    void saysHowLongToWaitAndAllowsTheSendOnceThatTimePassed() throws InterruptedException {
        RedisSendLimits limits = new RedisSendLimits(testRedis.client(), testRedis.prefix(), TELEGRAM, "42");

        assertThat(limits.take("7")).isZero();
        Duration wait = limits.take("7");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1).plus(Platform.MARGIN));
        assertThat(limits.take("8")).as("another chat").isZero();

        Thread.sleep(wait.toMillis());
        assertThat(limits.take("7")).isZero();
    }

    @Test
    void aGroupAlsoKeepsToItsLimitPerMinute() {
        Platform scaled = new Platform("tg", List.of(Rate.perSecond(100)), List.of(new Rate(1, Duration.ofMillis(1))),
                List.of(new Rate(3, Duration.ofSeconds(30))), "-", Duration.ZERO);
        RedisSendLimits limits = new RedisSendLimits(testRedis.client(), testRedis.prefix(), scaled, "42");

        List<Duration> toGroup = new ArrayList<>();
        List<Duration> toPerson = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            toGroup.add(takeAfterAMillisecond(limits, "-1001"));
            toPerson.add(takeAfterAMillisecond(limits, "1001"));
        }

        assertThat(toGroup.subList(0, 3)).allMatch(Duration::isZero);
        assertThat(toGroup.get(3)).isGreaterThan(Duration.ofSeconds(29));
        assertThat(toPerson).allMatch(Duration::isZero);
    }

    @Test
    void aSendTheBotsLimitRefusedDoesNotCountForTheConversation() throws InterruptedException {
        Platform scaled = new Platform("tg", List.of(new Rate(1, Duration.ofMillis(300))), List.of(Rate.perSecond(1)),
                List.of(), "", Duration.ZERO);
        RedisSendLimits limits = new RedisSendLimits(testRedis.client(), testRedis.prefix(), scaled, "42");

        assertThat(limits.take("A")).isZero();
        Duration wait = limits.take("B");
        assertThat(wait).as("the bot's limit").isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));

        Thread.sleep(wait.toMillis() + 1);
        assertThat(limits.take("B")).as("B had sent nothing").isZero();
    }

    @Test
    void twoSendersDrainingOneOutboxKeepToTheLimitsTogether() {
        Outbox outbox = new Outbox(testRedis.client(), testRedis.prefix(), "chat");
        RateWatch watch = new RateWatch(List.of(Rate.perSecond(30)), List.of(Rate.perSecond(1)), List.of(),
                c -> false, NOISE);
        AtomicInteger sent = new AtomicInteger();
        ConcurrentHashMap<String, List<String>> received = new ConcurrentHashMap<>();
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            entries.add(new OutboxEntry("c" + i % 25, Integer.toString(i)));
        }
        outbox.append(entries);
        // Each instance's own pacing would allow far more: only the shared limits hold them back.
        SendPacing generous = new SendPacing(Duration.ZERO, 1000, 3, Duration.ofMillis(50), Duration.ofMillis(200));
        List<OutboxSender> senders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            senders.add(new OutboxSender(outbox, entry -> {
                watch.arrived(entry.conversation());
                received.computeIfAbsent(entry.conversation(), c -> Collections.synchronizedList(new ArrayList<>()))
                        .add(entry.payload());
                sent.incrementAndGet();
            }, generous, new RedisSendLimits(testRedis.client(), testRedis.prefix(), TELEGRAM, "42"),
                    Clock.systemUTC(), new CompositeMeterRegistry()));
        }
        try {
            senders.forEach(OutboxSender::start);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (sent.get() < 75 && System.nanoTime() < deadline) {
                sleep(10);
            }
        } finally {
            senders.forEach(OutboxSender::close);
        }

        assertThat(sent).hasValue(75);
        assertThat(watch.violations()).isEmpty();
        for (int c = 0; c < 25; c++) {
            assertThat(received.get("c" + c)).as("order to c" + c)
                    .containsExactly(Integer.toString(c), Integer.toString(c + 25), Integer.toString(c + 50));
        }
    }

    private static Duration takeAfterAMillisecond(RedisSendLimits limits, String conversation) {
        sleep(2);
        return limits.take(conversation);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
