package com.disputeassistant.telegram.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.telegram.Await;
import com.disputeassistant.telegram.BotInstance;
import com.disputeassistant.telegram.TelegramTestApp;
import com.disputeassistant.telegram.TelegramUser;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.telegram.sending.TelegramChannel;
import com.disputeassistant.testing.RateWatch;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three instances of the bot on one Redis and one (fake) Telegram, at Telegram's real limits: together they stay
 * within them, keep each chat's order, and poll one at a time, another taking over when the poller dies.
 */
class SeveralInstancesIT {
    private static final int INSTANCES = 3;
    private static final Duration LONG = Duration.ofSeconds(40);

    private final FakeBotApi api = new FakeBotApi();
    private final String prefix = RedisTestSupport.uniquePrefix();
    private final List<BotInstance> instances = new ArrayList<>();

    @BeforeEach
    void start() {
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(BotInstance.start(api, prefix, Map.of(TelegramTestApp.REAL_LIMITS, "true")));
        }
    }

    @AfterEach
    void stop() {
        for (int i = 1; i < instances.size(); i++) {
            instances.get(i).close();
        }
        instances.get(0).closeAll();
    }

    @Test
    void togetherTheyKeepTelegramsLimitsAndEachChatsOrder() {
        RateWatch rates = api.watchRates();
        // 40 people get two messages each: more than the bot may send in a second. Four get eight each: more
        // than one chat may receive in a second. Queued through all three instances.
        List<Long> few = new ArrayList<>();
        List<Long> many = new ArrayList<>();
        for (long id = 300_001; id <= 300_040; id++) {
            few.add(id);
        }
        for (long id = 300_101; id <= 300_104; id++) {
            many.add(id);
        }
        int queued = 0;
        for (int n = 1; n <= 8; n++) {
            for (long id : n <= 2 ? concat(few, many) : many) {
                TelegramChannel channel = instances.get(queued++ % INSTANCES).bean(TelegramChannel.class);
                channel.say(new Address(ChannelIdentity.of("telegram:" + id), Long.toString(id)), "message " + n);
            }
        }
        long started = System.nanoTime();
        int expected = queued;

        Await.until("every message is sent", LONG, () -> rates.messages() >= expected);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(rates.violations()).as("Telegram's limits").isEmpty();
        for (long id : concat(few, many)) {
            List<String> texts = instances.get(0).user(id).texts();
            int count = few.contains(id) ? 2 : 8;
            List<String> inOrder = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                inOrder.add("message " + n);
            }
            assertThat(texts).as("messages to %d, in order", id).containsExactlyElementsOf(inOrder);
        }
        System.out.printf("%d instances sent %d messages in %d ms; busiest windows: %s%n", INSTANCES, expected,
                took.toMillis(), rates.busiest());
    }

    @Test
    void onePollsAndWhenItDiesAnotherTakesOverWithinSecondsWithoutLosingOrDoublingAnUpdate() {
        BotInstance first = Await.result("one instance polls", this::theOnePolling);
        TelegramUser alice = first.user(100001);
        alice.says("/help").received("I help clients");

        first.bean(UpdatePoller.class).haltAsIfKilled();
        long killedAt = System.nanoTime();
        // Updates that come while nobody polls: the next poller must get every one, once. From people the bot does
        // not know yet, who are told so once per message.
        List<TelegramUser> others = new ArrayList<>();
        int last = 0;
        for (long id = 100_011; id <= 100_015; id++) {
            TelegramUser user = first.user(id);
            others.add(user);
            last = api.send(id, "/help");
        }

        Await.until("another instance polls", LONG, () -> {
            BotInstance polling = theOnePolling();
            return polling != null && polling != first;
        });
        Duration takeOver = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(takeOver).as("taken over within the lease and a try")
                .isLessThan(PollingConfiguration.LEASE.plusSeconds(3));
        int lastUpdate = last;
        Await.until("every update is handled", LONG, () -> first.pollOffset() > lastUpdate);
        for (TelegramUser user : others) {
            user.received("I don't know this Telegram account yet");
        }
        // Give a doubled update the time to show.
        LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        for (TelegramUser user : others) {
            user.receivedNothingMoreThan(1);
        }
        alice.receivedNothingMoreThan(1);
        assertThat(instances.stream().filter(i -> i.bean(UpdatePoller.class).polling())).as("pollers").hasSize(1);
        assertThat(api.unconfirmed()).isZero();
        System.out.printf("the poller was taken over %d ms after it died%n", takeOver.toMillis());
    }

    /** The instance that polls, if exactly one does; null otherwise. */
    private BotInstance theOnePolling() {
        List<BotInstance> polling = instances.stream().filter(i -> i.bean(UpdatePoller.class).polling()).toList();
        return polling.size() == 1 ? polling.get(0) : null;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
