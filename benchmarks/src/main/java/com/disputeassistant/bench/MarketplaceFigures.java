package com.disputeassistant.bench;

import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.testing.RedisTestSupport;
import com.disputeassistant.testing.StandardWebhooksReceiver;
import com.disputeassistant.webhooks.WebhookDelivery;
import com.disputeassistant.webhooks.WebhookEndpoint;
import com.disputeassistant.webhooks.WebhookEndpointStates;
import com.disputeassistant.webhooks.WebhookSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.RedisClient;

/**
 * The marketplace API's writes per second and the outcome webhooks' deliveries per second:
 * <ol>
 *   <li>API writes: the app's jar, launched against the benchmark's Redis, takes {@code PUT /api/v1/orders/{id}}
 *       (authenticated, rate-limited, validated, one Lua script) from {@value #API_THREADS} client threads for
 *       {@value #API_SECONDS} seconds after a warm-up; each a new order between two stored people.
 *   <li>Webhook deliveries: {@value #EVENTS} events queued in the webhooks' outbox are delivered by one
 *       instance's sender (signing each, one HTTP POST at a time) to a loopback receiver that verifies every
 *       signature; the figure is events per second until the outbox is empty.
 * </ol>
 * Run: {@code ./mvnw -q -DskipTests -pl benchmarks,config -am package && java -cp
 * "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" com.disputeassistant.bench.MarketplaceFigures}
 */
public final class MarketplaceFigures {
    private static final int API_THREADS = 8;
    private static final int API_SECONDS = 20;
    private static final int WARM_UP_SECONDS = 5;
    private static final int EVENTS = 5_000;
    private static final String KEY = "da_" + "be".repeat(32);

    private MarketplaceFigures() {
    }

    public static void main(String[] args) throws Exception {
        String redisUrl = RedisTestSupport.redisUrl();
        System.out.println("| figure | result |");
        System.out.println("|---|---|");
        apiWrites(redisUrl);
        webhookDeliveries(redisUrl);
        System.exit(0);
    }

    private static void apiWrites(String redisUrl) throws Exception {
        String prefix = RedisTestSupport.uniquePrefix();
        Path dir = AppProcess.tempDir("marketplace-api");
        try (AppProcess app = AppProcess.launch(dir, Map.of("REDIS_URL", redisUrl, "DISPUTE_REDIS_KEYPREFIX", prefix,
                "DISPUTE_API_KEYS", "bench:" + sha256Hex(KEY), "DISPUTE_API_REQUESTSPERMINUTE", "100000000"))) {
            app.awaitHealthy(Duration.ofSeconds(120));
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(API_THREADS)).build();
            URI base = URI.create("http://127.0.0.1:" + app.port + "/api/v1/");
            put(http, base.resolve("people/bench-client"), "{\"name\":\"Client\",\"identities\":[\"web:bench-client\"]}");
            put(http, base.resolve("people/bench-expert"), "{\"name\":\"Expert\",\"identities\":[\"web:bench-expert\"]}");
            run(http, base, WARM_UP_SECONDS, "warm");
            Histogram latencies = new Histogram(3);
            long start = System.nanoTime();
            long writes = run(http, base, API_SECONDS, "run", latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("| API writes (PUT order, %d client threads, one instance) | %.0f per second; p50 %.1f ms, p99 %.1f ms |%n",
                    API_THREADS, writes / seconds, latencies.getValueAtPercentile(50) / 1000.0,
                    latencies.getValueAtPercentile(99) / 1000.0);
        } finally {
            try (RedisClient redis = RedisConnections.connect(redisUrl)) {
                RedisTestSupport.deleteKeys(redis, prefix);
            }
            AppProcess.delete(dir);
        }
    }

    private static long run(HttpClient http, URI base, int seconds, String tag) throws Exception {
        return run(http, base, seconds, tag, new Histogram(3));
    }

    private static long run(HttpClient http, URI base, int seconds, String tag, Histogram latencies) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(API_THREADS);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < API_THREADS; t++) {
            int thread = t;
            counts.add(threads.submit(() -> {
                long done = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status = put(http, base.resolve("orders/BENCH-" + tag + "-" + thread + "-" + done),
                            "{\"title\":\"Edit\",\"client\":\"bench-client\",\"expert\":\"bench-expert\","
                                    + "\"deliverables\":[\"Line edit\"],\"deadline\":\"2026-10-01\",\"currency\":\"EUR\","
                                    + "\"price\":\"450.00\",\"paid\":\"450.00\",\"delivery\":\"DELIVERED\"}");
                    if (status != 201) {
                        throw new IllegalStateException("PUT answered " + status);
                    }
                    synchronized (latencies) {
                        latencies.recordValue((System.nanoTime() - sent) / 1000);
                    }
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        threads.shutdown();
        return total;
    }

    private static int put(HttpClient http, URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void webhookDeliveries(String redisUrl) throws Exception {
        String prefix = RedisTestSupport.uniquePrefix();
        String secret = "whsec_" + Base64.getEncoder().encodeToString("benchmark secret of 32 bytes....".getBytes(StandardCharsets.UTF_8));
        try (RedisClient redis = RedisConnections.connect(redisUrl);
             StandardWebhooksReceiver receiver = new StandardWebhooksReceiver(secret)) {
            Outbox outbox = new Outbox(redis, prefix, "webhooks");
            List<OutboxEntry> events = new ArrayList<>();
            String body = "{\"type\":\"dispute.closed\",\"version\":1,\"timestamp\":\"2026-11-29T10:00:00Z\",\"data\":"
                    + "{\"disputeId\":\"DBENCH\",\"orderId\":\"ORD-1\",\"outcome\":\"settled\",\"currency\":\"EUR\","
                    + "\"paid\":\"450.00\",\"fee\":\"300.00\",\"payout\":\"300.00\",\"refund\":\"150.00\"}}";
            for (int i = 0; i < EVENTS; i++) {
                events.add(new OutboxEntry("bench/msg_" + i, "msg_" + i + "\n" + body));
                if (events.size() == 500) {
                    outbox.append(events);
                    events.clear();
                }
            }
            outbox.append(events);
            WebhookDelivery delivery = new WebhookDelivery(
                    List.of(new WebhookEndpoint("bench", receiver.url(), WebhookSecret.parse(secret))),
                    new WebhookEndpointStates(redis, prefix), HttpClient.newHttpClient(), Duration.ofSeconds(10),
                    Clock.systemUTC());
            long start = System.nanoTime();
            try (OutboxSender sender = new OutboxSender(outbox, delivery,
                    SendPacing.forPeriod(Duration.ofHours(24), Duration.ofSeconds(1), Duration.ofMinutes(1), 100_000),
                    Clock.systemUTC())) {
                sender.start();
                while (outbox.waiting() > 0) {
                    Thread.sleep(20);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long verified = receiver.received().stream().filter(StandardWebhooksReceiver.Received::verified).count();
            System.out.printf("| Webhook deliveries (one instance's sender, loopback receiver verifying each) | %.0f per second "
                    + "(%d events in %.1f s, %d verified) |%n", EVENTS / seconds, EVENTS, seconds, verified);
            RedisTestSupport.deleteKeys(redis, prefix);
        }
    }

    private static String sha256Hex(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
