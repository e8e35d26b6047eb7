package com.disputeassistant.bench;

import com.disputeassistant.slack.http.SlackSignature;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Figure 4: the packaged app with Slack (HTTP mode) and Telegram (webhook mode) on, against the fake
 * platforms. People write "help" on both at a steady rate, each waiting a few seconds between messages, and
 * the time from sending the signed request or the update to the app's {@code chat.postMessage} or
 * {@code sendMessage} to that person is taken; then signed Slack requests come much faster, and the time to
 * Slack's 200 (the ack, which Slack wants within 3 s) is taken. Replies keep the app's real pacing (one
 * message a second per chat; 20 a second overall on Slack, 30 on Telegram), so the offered rates stay below.
 */
final class ChannelFigures {
    private static final String SIGNING_SECRET = "bench-signing-secret";
    private static final String WEBHOOK_SECRET = "bench-webhook-secret";
    private static final int TELEGRAM_FIRST_ID = 700_000;

    private final BenchSettings settings;
    private final String redisUrl;
    private final Report report;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sequence = new AtomicLong(1_700_000_000_000_000L);
    private final LongAdder failures = new LongAdder();
    private final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();

    ChannelFigures(BenchSettings settings, String redisUrl, Report report) {
        this.settings = settings;
        this.redisUrl = redisUrl;
        this.report = report;
    }

    void run() {
        String prefix = RedisTestSupport.uniquePrefix();
        Path dir = AppProcess.tempDir("channels");
        ReplyWatch slackReplies = new ReplyWatch();
        ReplyWatch telegramReplies = new ReplyWatch();
        try (FakePlatforms platforms = new FakePlatforms(slackReplies, telegramReplies);
             RedisInfo info = new RedisInfo(redisUrl)) {
            try (AppProcess app = AppProcess.launch(dir, Map.of(
                    "REDIS_URL", redisUrl,
                    "DISPUTE_REDIS_KEYPREFIX", prefix,
                    "MARKETPLACE_FILE", marketplaceFile(dir).toString(),
                    "SLACK_BOT_TOKEN", "xoxb-bench",
                    "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                    "SLACK_API_URL", platforms.slackUrl(),
                    "TELEGRAM_BOT_TOKEN", "123456:bench",
                    "TELEGRAM_API_URL", platforms.telegramUrl(),
                    "TELEGRAM_WEBHOOK_URL", "https://bench.invalid/telegram/webhook",
                    "TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET))) {
                app.awaitHealthy(Duration.ofMinutes(2));
                measure(app, slackReplies, telegramReplies);
            } finally {
                info.deleteKeys(prefix);
            }
        } finally {
            AppProcess.delete(dir);
        }
    }

    private void measure(AppProcess app, ReplyWatch slackReplies, ReplyWatch telegramReplies) {
        int users = settings.channelUsers();
        SlackSignature signer = new SlackSignature(SIGNING_SECRET, Clock.systemUTC());
        URI slackEvents = URI.create("http://127.0.0.1:" + app.port + "/slack/events");
        URI webhook = URI.create("http://127.0.0.1:" + app.port + "/telegram/webhook");
        String common = String.format("%d people per channel writing \"help\"; Slack %d msg/s, Telegram %d msg/s; "
                        + "warm-up %s, measured %s; the app's own pacing of replies", users, settings.slackRate(),
                settings.telegramRate(), settings.seconds(settings.channelWarmUp()), settings.seconds(settings.channelMeasure()));
        report.section("4. Through the channels", common + "; app process with REDIS_URL, Slack HTTP mode, "
                + "Telegram webhook mode");

        IntFunction<Runnable> slackMessage = n -> {
            String user = "UB" + (n % users);
            return () -> {
                slackReplies.sent(user, System.nanoTime());
                send(slackRequest(signer, slackEvents, user));
            };
        };
        IntFunction<Runnable> telegramMessage = n -> {
            String chat = Integer.toString(TELEGRAM_FIRST_ID + n % users);
            return () -> {
                telegramReplies.sent(chat, System.nanoTime());
                send(telegramRequest(webhook, chat, n));
            };
        };
        Thread slack = new Thread(() -> everyTick(settings.slackRate(), settings.channelWarmUp().plus(settings.channelMeasure()),
                slackMessage), "bench-slack");
        Thread telegram = new Thread(() -> everyTick(settings.telegramRate(),
                settings.channelWarmUp().plus(settings.channelMeasure()), telegramMessage), "bench-telegram");
        slack.start();
        telegram.start();
        LoadDriver.sleep(settings.channelWarmUp());
        slackReplies.recording(true);
        telegramReplies.recording(true);
        LoadDriver.join(slack);
        LoadDriver.join(telegram);
        slackReplies.recording(false);
        telegramReplies.recording(false);
        // The last replies may still be on their way through the outboxes.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((slackReplies.unanswered() > 0 || telegramReplies.unanswered() > 0) && System.nanoTime() < deadline) {
            LoadDriver.sleep(Duration.ofMillis(50));
        }
        report.line("Slack update to chat.postMessage: " + slackReplies.latencies().summary() + "; unanswered "
                + slackReplies.unanswered());
        report.line("Telegram update to sendMessage: " + telegramReplies.latencies().summary() + "; unanswered "
                + telegramReplies.unanswered());
        report.row("4. Slack: request to chat.postMessage", common, latencyPair(slackReplies.latencies()), "");
        report.row("4. Telegram: update to sendMessage", common, latencyPair(telegramReplies.latencies()), "");

        Latencies acks = new Latencies();
        String ackSettings = String.format("%d signed Slack requests/s from %d people for %s", settings.ackRate(), users,
                settings.seconds(settings.channelMeasure()));
        report.line("Slack ack under load: " + ackSettings);
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        everyTick(settings.ackRate(), settings.channelMeasure(), n -> {
            long due = System.nanoTime();
            return () -> pending.add(http.sendAsync(slackRequest(signer, slackEvents, "UB" + (n % users)),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 200) {
                            acks.record(System.nanoTime() - due);
                        } else {
                            failed(error != null ? error.toString() : response.statusCode() + " " + response.body());
                        }
                    }));
        });
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        report.line("Slack ack: " + acks.summary() + "; failed requests in figure 4: " + failures.sum()
                + (failureSamples.isEmpty() ? "" : " (e.g. " + failureSamples.peek() + ")"));
        report.row("4. Slack ack time under load", ackSettings, "p99 " + Report.decimal(acks.percentileMillis(99))
                        + " ms (p50 " + Report.decimal(acks.percentileMillis(50)) + " ms, " + acks.count() + " acks)",
                "p99 ≤ 50 ms: " + Report.verdict(acks.count() > 0 && acks.percentileMillis(99) <= 50));
    }

    private static String latencyPair(Latencies latencies) {
        return "p50 " + Report.decimal(latencies.percentileMillis(50)) + " ms, p99 "
                + Report.decimal(latencies.percentileMillis(99)) + " ms (" + latencies.count() + " replies)";
    }

    private HttpRequest slackRequest(SlackSignature signer, URI endpoint, String user) {
        String ts = ts(sequence.incrementAndGet());
        String body = "{\"token\":\"legacy\",\"team_id\":\"" + FakePlatforms.SLACK_TEAM + "\",\"api_app_id\":\"A01\","
                + "\"type\":\"event_callback\",\"event_id\":\"EvB" + sequence.get() + "\",\"event_time\":1700000000,"
                + "\"event\":{\"type\":\"message\",\"channel\":\"D" + user + "\",\"channel_type\":\"im\",\"user\":\""
                + user + "\",\"text\":\"help\",\"ts\":\"" + ts + "\",\"event_ts\":\"" + ts + "\",\"team\":\""
                + FakePlatforms.SLACK_TEAM + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signer.sign(timestamp, bytes))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private HttpRequest telegramRequest(URI webhook, String chat, int n) {
        String body = "{\"update_id\":" + sequence.incrementAndGet() % 1_000_000_000L + ",\"message\":{\"message_id\":"
                + (n + 1) + ",\"date\":" + Instant.now().getEpochSecond() + ",\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\",\"first_name\":\"Bench\"},\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Bench\"},\"text\":\"help\"}}";
        return HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void send(HttpRequest request) {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() != 200) {
                failed(error != null ? error.toString() : response.statusCode() + " " + response.body());
            }
        });
    }

    private void failed(String why) {
        failures.increment();
        if (failureSamples.size() < 3) {
            failureSamples.add(why);
        }
    }

    /** Runs message number n at start + n / perSecond, for the duration. */
    private static void everyTick(int perSecond, Duration duration, IntFunction<Runnable> message) {
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int n = 0; start + n * period < end; n++) {
            LoadDriver.waitUntil(start + n * period);
            message.apply(n).run();
        }
    }

    private Path marketplaceFile(Path dir) {
        StringBuilder yaml = new StringBuilder("people:\n");
        int users = settings.channelUsers();
        for (int i = 0; i < users; i++) {
            yaml.append("  - {id: s").append(i).append(", name: Slack ").append(i).append(", identities: [slack:")
                    .append(FakePlatforms.SLACK_TEAM).append("/UB").append(i).append("]}\n");
            yaml.append("  - {id: t").append(i).append(", name: Telegram ").append(i).append(", identities: [telegram:")
                    .append(TELEGRAM_FIRST_ID + i).append("]}\n");
        }
        yaml.append("orders:\n");
        for (int i = 0; i < users; i++) {
            yaml.append("  - {id: ORD-").append(i).append(", title: Order ").append(i).append(", client: s").append(i)
                    .append(", expert: t").append(i).append(", deliverables: [A report], deadline: 2026-10-01, ")
                    .append("currency: EUR, price: 100.00, paid: 100.00, delivery: DELIVERED}\n");
        }
        Path file = dir.resolve("marketplace.yml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static String ts(long micros) {
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }
}
