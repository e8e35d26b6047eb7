package com.disputeassistant.telegram.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.telegram.Await;
import com.disputeassistant.telegram.Backoff;
import com.disputeassistant.telegram.BotInstance;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.TelegramSettings;
import com.disputeassistant.telegram.TelegramUser;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.telegram.updates.UpdateHandler;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import redis.clients.jedis.UnifiedJedis;

/**
 * Never lose or double an update across a stop: pollers that die at the worst moments, then a fresh
 * one on the same Redis. The surrounding bot runs in webhook mode, so that it polls nothing itself and
 * the test drives the pollers.
 */
class PollingRestartIT {
    private final FakeBotApi api = new FakeBotApi();
    private final String prefix = RedisTestSupport.uniquePrefix();
    private final BotInstance bot = BotInstance.start(api, prefix, Map.of(
            "dispute.telegram.webhook-url", "https://bot.example.org/telegram/webhook",
            "dispute.telegram.webhook-secret", "test-secret"));
    private final UnifiedJedis redis = bot.bean(UnifiedJedis.class);
    private final UpdateHandler handler = bot.bean(UpdateHandler.class);
    private final PollOffset offset = new PollOffset(redis, prefix);
    private final TelegramUser alice = bot.user(100001);
    private final List<UpdatePoller> pollers = new ArrayList<>();

    /** What the death of the process looks like to the worker: it just stops, mid-way. */
    private static final class ProcessDied extends Error {
        ProcessDied() {
            super("simulated: the process died here", null, false, false);
        }
    }

    @AfterEach
    void stop() {
        pollers.forEach(UpdatePoller::close);
        bot.closeAll();
    }

    @Test
    void anUpdateReceivedButNotHandledBeforeAStopIsHandledOnceAfterTheRestart() throws InterruptedException {
        int update = api.send(alice.id(), "/dispute");
        CountDownLatch received = new CountDownLatch(1);
        UpdatePoller dying = poller(u -> {
            received.countDown();
            throw new ProcessDied();
        });
        assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
        dying.close();

        assertThat(offset.next()).as("offset after the stop").isZero();
        assertThat(api.unconfirmed()).as("updates Telegram still keeps").isEqualTo(1);
        assertThat(api.messagesTo(alice.id())).isEmpty();

        poller(handler::handle);
        alice.awaitHandled(update);
        alice.received("What would you like to do?");
        // Telegram learns of the handled update at the next getUpdates, which may come after the reply.
        Await.until("the update is confirmed to Telegram", () -> api.unconfirmed() == 0);
        assertThat(alice.texts()).hasSize(1);
    }

    @Test
    void anUpdateHandledButNotConfirmedBeforeAStopIsNotAppliedAgain() throws InterruptedException {
        UpdatePoller first = poller(handler::handle);
        alice.says("/dispute").received("What would you like to do?");
        first.close();

        int press = api.press(alice.id(), alice.callbackData("Dispute ORD-1"));
        CountDownLatch handled = new CountDownLatch(1);
        UpdatePoller dying = poller(u -> {
            handler.handle(u);
            handled.countDown();
            throw new ProcessDied();
        });
        assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
        dying.close();
        alice.received("What is the problem?");
        assertThat(offset.next()).isLessThanOrEqualTo(press);

        poller(handler::handle);
        alice.awaitHandled(press);

        DisputeStore store = bot.bean(DisputeStore.class);
        assertThat(store.openDisputesOf(new PersonId("alice"))).hasSize(1);
        alice.says("/help").received("I help clients");
        assertThat(alice.texts()).filteredOn(t -> t.startsWith("You are opening a dispute")).hasSize(1);
        assertThat(api.requests("answerCallbackQuery")).hasSize(1);
    }

    @Test
    void anUpdateThatKeepsFailingIsParkedAndTheOnesBehindItGoOn() {
        int poison = api.send(alice.id(), "this one breaks the handler");
        poller(u -> {
            if (u.getUpdateId() == poison) {
                throw new IllegalStateException("a bug");
            }
            handler.handle(u);
        });

        alice.says("/dispute").received("What would you like to do?");

        assertThat(new ParkedUpdates(redis, prefix, Clock.systemUTC()).count()).isEqualTo(1);
        assertThat(redis.xrange(prefix + "telegram:updates:parked", "-", "+").get(0).getFields())
                .containsEntry("updateId", Integer.toString(poison))
                .hasEntrySatisfying("update", json -> assertThat(json).contains("this one breaks the handler"))
                .hasEntrySatisfying("error", error -> assertThat(error).contains("a bug"));
    }

    private UpdatePoller poller(Consumer<Update> consumer) {
        TelegramSettings settings = bot.bean(TelegramSettings.class);
        UpdatePoller poller = new UpdatePoller(new TelegramHttp(settings, Duration.ofSeconds(5)), offset,
                new PollerLease(redis, prefix, Duration.ofSeconds(2)), consumer,
                new ParkedUpdates(redis, prefix, Clock.systemUTC()), () -> { },
                Duration.ofSeconds(1), new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)));
        pollers.add(poller);
        poller.start();
        return poller;
    }
}
