package com.disputeassistant.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.web.EveryEndpoint.Answer;
import com.disputeassistant.testing.RedisTestSupport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 5,000 malformed and random requests across every endpoint of the running app (playground API, console,
 * marketplace API with and without its key, Slack events and interactions signed and not, the Telegram
 * webhook with and without its secret, /livez and /readyz, the actuator on the management port): not one
 * 5xx, the app still serves afterwards, and the heap used after a GC has not grown beyond a bound. The
 * counts by status are printed. The seed is printed too; {@code -Dfuzz.seed=...} runs the same requests again, and
 * {@code -Dfuzz.seed=random} new ones.
 */
class FuzzIT {
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 5_000);
    /*
     * A fixed seed by default, so that the build's verdict does not depend on luck; -Dfuzz.seed=random
     * explores new requests (and prints the seed of a failure, to add its case to BadInputIT).
     */
    private static final long SEED = "random".equals(System.getProperty("fuzz.seed"))
            ? System.nanoTime() : Long.getLong("fuzz.seed", 20261129L);
    /** What the heap used after a GC may grow by over the run: a leak per request would exceed it. */
    private static final long HEAP_BOUND = 64L << 20;
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final String[] PATHS = {"/api/messages", "/api/inbox", "/api/people", "/api/disputes/waiting-for-mediator",
            "/api/v1/people/alice", "/api/v1/people/nora", "/api/v1/orders/ORD-1", "/api/v1/orders/ORD-9",
            "/api/v1/webhooks", "/api/v1/webhooks/shop/resend", "/api/v1/openapi.yaml", "/slack/events",
            "/telegram/webhook", "/console", "/console/login", "/console/disputes/DAAAAAAA",
            "/console/disputes/DAAAAAAA/say", "/console/reports", "/livez", "/readyz", "/", "/playground.js", "/error",
            "/api/telegram/link-codes", "/actuator/health", "/nope"};
    private static final String[] MANAGEMENT_PATHS = {"/actuator/health", "/actuator/prometheus", "/actuator",
            "/actuator/health/readiness", "/actuator/health/liveness", "/actuator/env", "/error", "/x"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "*/*",
            "application/*", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=nonsense", "garbage", ";;;", "application/xml", ""};
    private static final String[] TEXTS = {"", " ", "menu", "help", "/dispute", "1", "#2", "999", "\u0000", "\u2028",
            "\ud83d\ude00", "\ud800", "' OR 1=1 --", "<script>alert(1)</script>", "%s%n", "web:alice", "d:DXXXXXXX:1:ESCALATE",
            "open:ORD-1", "lang:de", "lang:xx", "focus:D0000000", "menu\r\nX-Injected: 1"};

    private EveryEndpoint app;

    @Test
    void fiveThousandMalformedAndRandomRequestsAnswerNo5xxAndLeaveTheAppServingWithItsHeapBounded() throws Exception {
        try (EveryEndpoint started = new EveryEndpoint(RedisTestSupport.redisUrl(), PREFIX)) {
            app = started;
            fuzz(app.consoleSession());
        }
    }

    private void fuzz(EveryEndpoint.Console console) throws Exception {
        // Warm up what the first requests load once (classes, caches), so that it does not count as growth.
        for (int i = 0; i < 200; i++) {
            send(new Random(i), console);
        }
        long heapBefore = usedHeapAfterGc();

        Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        Map<String, String> fiveHundreds = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long seed = SEED + i;
            sent.add(clients.submit(() -> {
                Sent one = send(new Random(seed), console);
                counts.computeIfAbsent(one.answer().status(), s -> new AtomicInteger()).incrementAndGet();
                if (one.answer().status() >= 500) {
                    fiveHundreds.putIfAbsent(one.what(), one.answer().status() + " " + one.answer().body());
                }
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        clients.shutdown();
        long heapAfter = usedHeapAfterGc();

        Map<Integer, Integer> byStatus = new TreeMap<>();
        counts.forEach((status, count) -> byStatus.put(status, count.get()));
        System.out.printf("Fuzz (seed %d): %d requests, by status %s (0: no answer); used heap after GC %d MB before, "
                + "%d MB after%n", SEED, REQUESTS, byStatus, heapBefore >> 20, heapAfter >> 20);
        assertThat(fiveHundreds).as("requests answered 5xx (seed %d)", SEED).isEmpty();
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(app.send("GET", "/livez", Map.of(), (String) null).status()).as("the app is up").isEqualTo(200);
        assertThat(app.send("POST", "/api/messages", Map.of("Content-Type", "application/json"),
                "{\"as\":\"web:alice\",\"text\":\"menu\"}").status()).as("and serves").isEqualTo(200);
        assertThat(heapAfter - heapBefore).as("growth of the used heap after GC").isLessThan(HEAP_BOUND);
    }

    private record Sent(String what, Answer answer) {
    }

    private Sent send(Random random, EveryEndpoint.Console console) {
        boolean management = random.nextInt(12) == 0;
        String path = management ? pick(random, MANAGEMENT_PATHS) : pick(random, PATHS);
        String method = random.nextInt(3) == 0 ? pick(random, METHODS) : path.equals("/api/inbox") || path.startsWith("/livez")
                || path.startsWith("/readyz") || path.startsWith("/actuator") ? "GET"
                : path.startsWith("/api/v1/people") || path.startsWith("/api/v1/orders") ? "PUT" : "POST";
        String target = path + query(random) + (random.nextInt(25) == 0 ? pick(random, new String[] {"%2F", "/..", "%00",
                "%ZZ", ";jsessionid=x", "/%2e%2e/x", "//", "\\"}) : "");
        byte[] body = body(random, path);
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType = random.nextInt(4) == 0 ? pick(random, CONTENT_TYPES)
                : path.startsWith("/console") ? "application/x-www-form-urlencoded" : "application/json";
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        if (path.startsWith("/slack") && random.nextInt(3) > 0) {
            String timestamp = random.nextInt(5) == 0 ? pick(random, new String[] {"100000000000000000",
                    "-9223372036854775808", "abc", "", "1e9", "0"}) : EveryEndpoint.now();
            headers.putAll(EveryEndpoint.slackSigned(contentType.isEmpty() ? "application/json" : contentType, timestamp,
                    body == null ? new byte[0] : body));
        }
        if (path.startsWith("/telegram") && random.nextInt(4) > 0) {
            headers.put("X-Telegram-Bot-Api-Secret-Token", random.nextInt(4) == 0 ? "wrong" : EveryEndpoint.WEBHOOK_SECRET);
        }
        if (path.startsWith("/api/v1") && random.nextInt(3) > 0) {
            headers.put("Authorization", random.nextInt(5) == 0 ? "Bearer da_wrong" : "Bearer " + EveryEndpoint.API_KEY);
        }
        if (path.startsWith("/console") && random.nextInt(2) == 0) {
            headers.put("Cookie", console.cookie());
        }
        if (random.nextInt(6) == 0) {
            headers.put(pick(random, new String[] {"Accept", "Accept-Language", "If-Match", "Accept-Encoding", "Origin",
                    "X-Slack-Retry-Num", "Range", "Expect"}), pick(random, new String[] {"*/*", "text/html", "zz-ZZ;q=x",
                    "\"nope\"", "gzip;q=2", "null", "bytes=5-1", "100-continue", "application/json;q=0", "de, *;q=0.1"}));
        }
        if (body != null && random.nextInt(40) == 0) {
            headers.put("Content-Length", Integer.toString(Math.max(0, body.length - 1 - random.nextInt(body.length + 1))));
        }
        String what = method + " " + target + " " + headers + " " + (body == null ? "" : new String(body, 0,
                Math.min(body.length, 200), StandardCharsets.UTF_8));
        byte[] request = EveryEndpoint.request(method, target, headers, body);
        return new Sent(what, EveryEndpoint.raw(management ? app.managementPort : app.port, request));
    }

    private static String query(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "?as=" + pick(random, new String[] {"web:alice", "%ff", "web:%00", "web:%E2%80%A8", "%", "web%3Abob",
                    "slack:T1/U1", "web:" + "a".repeat(200), "", "web:alice&as=web:bob"}) + "&after=" + pick(random,
                    new String[] {"0", "-1", "abc", "99999999999999999999", "3", "%20"});
            case 1 -> "?" + randomAscii(random, random.nextInt(300));
            case 2 -> "?x=" + "y".repeat(random.nextInt(3) == 0 ? 9_000 : 50);
            default -> "";
        };
    }

    private static byte[] body(Random random, String path) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            byte[] bytes = new byte[random.nextInt(2_000)];
            random.nextBytes(bytes);
            return bytes;
        }
        if (kind == 2) {
            return (random.nextBoolean() ? "[".repeat(5_000) : "{\"a\":".repeat(3_000)).getBytes(StandardCharsets.UTF_8);
        }
        String json = switch (path) {
            case "/api/messages" -> "{\"as\":" + value(random, "\"web:alice\"") + ",\"" + pick(random, new String[] {"text",
                    "option", "txt"}) + "\":" + value(random, "\"menu\"") + (random.nextBoolean() ? ",\"messageId\":"
                    + value(random, "\"m-" + random.nextInt(50) + "\"") : "") + "}";
            case "/slack/events" -> random.nextBoolean()
                    ? "{\"type\":" + value(random, "\"event_callback\"") + ",\"team_id\":" + value(random, "\"T01TEST\"")
                            + ",\"event_id\":\"Ev" + random.nextInt(1_000) + "\",\"event\":{\"type\":" + value(random, "\"message\"")
                            + ",\"channel_type\":\"im\",\"channel\":" + value(random, "\"D1\"") + ",\"user\":"
                            + value(random, "\"UFUZZ\"") + ",\"text\":" + value(random, "\"help\"") + ",\"ts\":"
                            + value(random, "\"1." + random.nextInt(1_000_000) + "\"") + "}}"
                    : "payload=" + java.net.URLEncoder.encode("{\"type\":" + value(random, "\"block_actions\"")
                            + ",\"team\":" + value(random, "{\"id\":\"T01TEST\"}") + ",\"user\":" + value(random, "{\"id\":\"UFUZZ\"}")
                            + ",\"actions\":" + value(random, "[{\"action_id\":\"tok.0\",\"action_ts\":\"1.2\"}]")
                            + ",\"container\":" + value(random, "{\"channel_id\":\"D1\",\"message_ts\":\"1.1\"}") + "}",
                    StandardCharsets.UTF_8);
            case "/telegram/webhook" -> "{\"update_id\":" + value(random, Integer.toString(random.nextInt(1_000_000)))
                    + ",\"" + pick(random, new String[] {"message", "callback_query", "edited_message", "x"}) + "\":{\"message_id\":"
                    + value(random, "1") + ",\"date\":" + value(random, "1700000000") + ",\"chat\":" + value(random,
                    "{\"id\":4242,\"type\":\"private\"}") + ",\"from\":" + value(random, "{\"id\":4242,\"is_bot\":false,"
                    + "\"first_name\":\"Tess\",\"language_code\":\"de\"}") + ",\"text\":" + value(random, "\"/start\"")
                    + ",\"data\":" + value(random, "\"x\"") + "}}";
            default -> path.startsWith("/console")
                    ? "text=" + java.net.URLEncoder.encode(pick(random, TEXTS), StandardCharsets.UTF_8) + "&requestId="
                            + pick(random, new String[] {"r-1", "", "%ff", "a".repeat(300)}) + "&action=" + pick(random,
                            new String[] {"claim", "x", ""}) + (random.nextBoolean() ? "&_csrf=bad" : "")
                    : "{\"name\":" + value(random, "\"Nora\"") + ",\"identities\":" + value(random, "[\"web:nora\"]")
                            + ",\"client\":" + value(random, "\"alice\"") + ",\"expert\":" + value(random, "\"bob\"")
                            + ",\"paid\":" + value(random, "\"1.00\"") + ",\"price\":" + value(random, "\"1.00\"") + "}";
        };
        if (kind == 3) {
            json = json.substring(0, random.nextInt(json.length() + 1));
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A plausible value half the time, else something of another type or shape. */
    private static String value(Random random, String plausible) {
        if (random.nextBoolean()) {
            return plausible;
        }
        return switch (random.nextInt(10)) {
            case 0 -> "null";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "1e400";
            case 3 -> "[]";
            case 4 -> "{}";
            case 5 -> "\"" + pick(random, TEXTS).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\u0000", "\\u0000").replace("\r", "\\r").replace("\n", "\\n") + "\"";
            case 6 -> "\"" + "x".repeat(random.nextInt(70_000)) + "\"";
            case 7 -> "true";
            case 8 -> "\"\\ud800\"";
            default -> "\"" + randomAscii(random, 20).replace("\\", "").replace("\"", "") + "\"";
        };
    }

    private static String randomAscii(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = (char) (0x21 + random.nextInt(0x7e - 0x21));
            text.append(c == '#' ? 'h' : c);
        }
        return text.toString();
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // A few rounds: one GC may leave garbage a later one takes.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
