package com.disputeassistant.telegram.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.telegram.Await;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.TelegramSettings;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The channel and its sender against the fake Bot API: what reaches Telegram, and what happens when
 * Telegram says no.
 */
class TelegramSendingIT {
    private static final ChannelIdentity ALICE = ChannelIdentity.of("telegram:100001");

    private final FakeBotApi api = new FakeBotApi();
    private final UnifiedJedis redis = RedisConnections.connect(RedisTestSupport.redisUrl());
    private final String prefix = RedisTestSupport.uniquePrefix();
    private final Outbox outbox = new Outbox(redis, prefix, TelegramChannel.NAME);
    private final BotApiCalls calls = new BotApiCalls();
    private final TelegramChannel channel = new TelegramChannel(outbox, new ReplyTokens(new ButtonRegistry(redis, prefix)), calls);
    private final TelegramHttp http = new TelegramHttp(new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, null,
            null, null, null, false, null, false), Duration.ofSeconds(5));
    private final OutboxSender sender = new OutboxSender(outbox, new TelegramSender(http.client(), calls),
            new SendPacing(Duration.ofMillis(5), 100, 3, Duration.ofMillis(50), Duration.ofMillis(200)),
            Clock.systemUTC());

    /** Queues a message as a turn's write does. */
    private void deliver(OutboundMessage message) {
        new RedisDisputeStore(redis, prefix, Clock.systemUTC()).queueReplies(null, channel.render(message));
    }

    @AfterEach
    void stop() {
        sender.close();
        http.close();
        api.close();
        RedisTestSupport.deleteKeys(redis, prefix);
        redis.close();
    }

    @Test
    void aTenThousandCharacterMessageArrivesInPartsWithinTheLimitAndTheButtonsOnTheLast() {
        StringBuilder text = new StringBuilder();
        for (int line = 1; text.length() < 10_000; line++) {
            text.append("Task ").append(line).append(": fix <figure> & table numbering 😀 in chapter ").append(line).append('\n');
        }
        sender.start();

        deliver(new OutboundMessage(Address.of(ALICE), text.toString(),
                List.of(new ReplyOption("menu", "Menu"), new ReplyOption("help", "Help"))));

        Await.until("all parts sent", () -> String.join("", textsTo(100001)).length() >= 10_000);
        List<FakeBotApi.Request> parts = api.messagesTo(100001);
        assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parts).allSatisfy(part -> {
            String html = part.text("text");
            assertThat(html.length()).isLessThanOrEqualTo(4096);
            assertThat(Character.isHighSurrogate(html.charAt(html.length() - 1))).isFalse();
            assertThat(html.replaceAll("&(lt|gt|amp);", "")).doesNotContain("<", ">", "&");
            assertThat(part.text("parse_mode")).isEqualToIgnoringCase("html");
        });
        String shown = String.join("", textsTo(100001)).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assertThat(shown).isEqualTo(text.toString());
        assertThat(parts.subList(0, parts.size() - 1)).allSatisfy(part -> assertThat(part.json().has("reply_markup")).isFalse());
        assertThat(parts.get(parts.size() - 1).json().path("reply_markup").path("inline_keyboard").findValuesAsText("text"))
                .containsExactly("Menu", "Help");
    }

    @Test
    void a429WaitsItsRetryAfterThenSendsOnce() {
        api.tooManyRequests("sendMessage", 1, 1);
        sender.start();

        deliver(new OutboundMessage(Address.of(ALICE), "after the wait", List.of()));

        Await.until("the message is sent", () -> textsTo(100001).contains("after the wait"));
        List<FakeBotApi.Request> attempts = api.requests("sendMessage");
        assertThat(attempts).hasSize(2);
        assertThat(Duration.ofNanos(attempts.get(1).receivedAt() - attempts.get(0).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(outbox.deadLetters()).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAndARefusalIsDeadLetteredWithItsReason() {
        api.fail("sendMessage", 2, 502);
        sender.start();
        deliver(new OutboundMessage(Address.of(ALICE), "through a flaky Telegram", List.of()));
        Await.until("sent after two 502s", () -> textsTo(100001).contains("through a flaky Telegram"));

        api.fail("sendMessage", 1, 403);
        deliver(new OutboundMessage(Address.of(ChannelIdentity.of("telegram:100002")), "blocked", List.of()));
        Await.until("dead-lettered", () -> !outbox.deadLetters().isEmpty());

        assertThat(api.requests("sendMessage")).hasSize(4);
        assertThat(outbox.deadLetters().get(0).reason()).contains("403");
        assertThat(outbox.deadLetters().get(0).entry().conversation()).isEqualTo("100002");
    }

    @Test
    void whileTelegramCannotBeReachedNothingIsLost() {
        deliver(new OutboundMessage(Address.of(ALICE), "queued while down", List.of()));
        api.close();
        sender.start();

        Await.until("tried and given up on", () -> !outbox.deadLetters().isEmpty());
        assertThat(outbox.deadLetters().get(0).reason()).contains("no answer from Telegram");
        assertThat(calls.decode(outbox.deadLetters().get(0).entry().payload())).isPresent();
    }

    @Test
    void aRefusedPressIsAnsweredWithItsReasonCutToTelegramsLimit() {
        sender.start();

        channel.answerCallbackQuery("q1", "100001", "x".repeat(300));

        String text = api.awaitRequest(Await.DEFAULT, "answerCallbackQuery", r -> true).text("text");
        assertThat(text).hasSize(TelegramChannel.MAX_CALLBACK_TEXT).endsWith("…");
    }

    private List<String> textsTo(long chat) {
        return api.messagesTo(chat).stream().map(r -> r.text("text")).toList();
    }
}
