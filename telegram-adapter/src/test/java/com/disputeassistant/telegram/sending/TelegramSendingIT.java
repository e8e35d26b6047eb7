package com.disputeassistant.telegram.sending;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceRef;
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
import com.disputeassistant.testing.TestEvidence;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    /** The evidence store, in a folder of the test's own (static: ready before the fields below are). */
    @TempDir
    static Path evidenceFolder;
    private final TestEvidence kept = new TestEvidence(evidenceFolder);
    private final EvidenceFiles evidence = kept.files();
    private final OutboxSender sender = new OutboxSender(outbox, new TelegramSender(http.client(), calls, null, evidence),
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

    @Test
    void aMessageWithEvidenceSendsItsTextThenEachFileAsADocumentUnderItsNameInOrder() {
        EvidenceRef pdf = keep("ev-1", "manuscript.pdf", "application/pdf", "%PDF-1.7 the manuscript".getBytes(UTF_8));
        EvidenceRef png = keep("ev-2", "screenshot.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        sender.start();

        deliver(new OutboundMessage(Address.of(ALICE), "Alice sent manuscript.pdf and screenshot.png", List.of())
                .withAttachments(List.of(pdf, png)));

        Await.until("both documents uploaded", () -> api.uploadsTo(100001).size() == 2);
        List<FakeBotApi.Upload> uploads = api.uploadsTo(100001);
        assertThat(uploads).extracting(FakeBotApi.Upload::method).containsOnly("senddocument");
        assertThat(uploads).extracting(FakeBotApi.Upload::fileName).containsExactly("manuscript.pdf", "screenshot.png");
        assertThat(uploads.get(0).bytes()).isEqualTo("%PDF-1.7 the manuscript".getBytes(UTF_8));
        assertThat(uploads.get(1).bytes()).containsExactly(0x89, 'P', 'N', 'G', 0, 1, 2);
        List<String> order = api.requests().stream().map(FakeBotApi.Request::method)
                .filter(m -> m.equals("sendmessage") || m.equals("senddocument")).toList();
        assertThat(order).containsExactly("sendmessage", "senddocument", "senddocument");
    }

    @Test
    void aDocumentTelegramFailsIsRetriedAloneAndTheTextGoesOutOnce() {
        EvidenceRef pdf = keep("ev-3", "contract.pdf", "application/pdf", "%PDF-1.4 contract".getBytes(UTF_8));
        api.fail("sendDocument", 2, 502);
        sender.start();

        deliver(new OutboundMessage(Address.of(ALICE), "Bob sent contract.pdf", List.of()).withAttachments(List.of(pdf)));

        Await.until("the document is uploaded", () -> api.uploadsTo(100001).size() == 1);
        assertThat(api.requests("sendDocument")).as("two 502s, then accepted").hasSize(3);
        assertThat(textsTo(100001)).containsExactly("Bob sent contract.pdf");
        assertThat(outbox.deadLetters()).isEmpty();
    }

    @Test
    void aFileWhoseStoredBytesChangedIsNeverSentAndIsDeadLetteredWithTheReason() {
        EvidenceRef pdf = keep("ev-4", "invoice.pdf", "application/pdf", "%PDF-1.4 invoice".getBytes(UTF_8));
        kept.tamper("ev-4", "%PDF-1.4 forged".getBytes(UTF_8));
        sender.start();

        deliver(new OutboundMessage(Address.of(ALICE), "Bob sent invoice.pdf", List.of()).withAttachments(List.of(pdf)));

        Await.until("dead-lettered", () -> !outbox.deadLetters().isEmpty());
        assertThat(outbox.deadLetters().get(0).reason()).contains("changed", "ev-4");
        assertThat(api.uploads()).isEmpty();
        assertThat(api.requests("sendDocument")).isEmpty();
        assertThat(textsTo(100001)).containsExactly("Bob sent invoice.pdf");
    }

    private EvidenceRef keep(String id, String name, String type, byte[] bytes) {
        return kept.keep(id, name, type, bytes);
    }

    private List<String> textsTo(long chat) {
        return api.messagesTo(chat).stream().map(r -> r.text("text")).toList();
    }
}
