package com.disputeassistant.slack;

import com.disputeassistant.outbox.SendLimits.Rate;
import com.disputeassistant.testing.RateWatch;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Slack Web API on a loopback port: answers {@code auth.test} and {@code apps.connections.open},
 * answers {@code users.info} from the users it was given, records every call ({@code chat.postMessage},
 * {@code chat.postEphemeral}, {@code views.open}, {@code views.publish}, ...) with its parameters, and can
 * be told to answer the next calls of a method with an error such as a 429.
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String TEAM = "T01TEST";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One Web API call as received: its method, its parameters (form fields or top-level JSON fields), and
     * whether the fake accepted it (a planned error answer did not).
     */
    public record Call(String method, Map<String, String> params, int seq, boolean accepted) {
        /** The parameter's value, or null. */
        public String param(String name) {
            return params.get(name);
        }

        /** The parameter read as JSON (Slack sends {@code blocks} that way), or a missing node. */
        public JsonNode json(String name) {
            String value = params.get(name);
            return value == null ? JSON.missingNode() : JSON.readTree(value);
        }
    }

    /** A planned answer: HTTP status, Retry-After header (or null) and body. */
    record Answer(int status, String retryAfter, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Answer>> planned = new ConcurrentHashMap<>();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Map<String, String> locales = new ConcurrentHashMap<>();
    /** The ts each accepted chat.postMessage was given, by call number. */
    private final Map<Integer, String> posted = new ConcurrentHashMap<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000100L);
    private volatile String socketUrl = "ws://127.0.0.1:1/";
    /** Slack's rate limits, checked on each accepted chat.postMessage once a test switches them on. */
    private volatile RateWatch rates;

    /** Starts the fake on a free loopback port. */
    public FakeSlackApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::answer);
        server.start();
    }

    /** The base URL to give the app as {@code dispute.slack.api-url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /**
     * The app's settings for Slack over HTTP (no Socket Mode) against this fake, signed with
     * {@code signingSecret} and sending without pauses: for a test that runs the whole app.
     */
    public Map<String, String> appSettings(String signingSecret) {
        return Map.of("dispute.slack.bot-token", "xoxb-test", "dispute.slack.app-token", "",
                "dispute.slack.signing-secret", signingSecret, "dispute.slack.api-url", url(),
                "dispute.slack.message-interval", "0s");
    }

    /** users.info answers this confirmed e-mail address for the user. */
    void user(String userId, String email) {
        emails.put(userId, email);
    }

    /** users.info, asked with {@code include_locale}, answers this locale (such as {@code de-DE}) for the user. */
    void locale(String userId, String locale) {
        locales.put(userId, locale);
    }

    void socketUrl(String url) {
        socketUrl = url;
    }

    /** The next call of the method gets this answer instead of the usual one. */
    void answerNext(String method, Answer answer) {
        planned.computeIfAbsent(method, m -> new ArrayDeque<>()).add(answer);
    }

    /** Every call of the method so far, in order. */
    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits for the first accepted call of the method, after call number {@code after}, that matches. */
    public Call await(String method, int after, Predicate<Call> matching, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                for (Call call : calls) {
                    if (call.seq() > after && call.accepted() && call.method().equals(method) && matching.test(call)) {
                        return call;
                    }
                }
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
        throw new AssertionError("no " + method + " " + what + " within 10 s; calls: " + calls(method));
    }

    /** The ts Slack gave the message this call posted (a card's ts is its thread's). */
    public String tsOf(Call postMessage) {
        return posted.get(postMessage.seq());
    }

    /** The number of the last call so far: pass it to {@link #await} to see only later calls. */
    public synchronized int lastSeq() {
        return calls.size();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = type != null && type.startsWith("application/json") ? jsonParams(body)
                    : formParams(body);
            Deque<Answer> queue = planned.get(method);
            Answer next = queue == null ? null : queue.poll();
            Answer answer;
            synchronized (this) {
                Call call = new Call(method, params, calls.size() + 1, next == null);
                answer = next != null ? next : new Answer(200, null, usualAnswer(call));
                calls.add(call);
                notifyAll();
            }
            countRate(method, params, next == null);
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /**
     * From now on, counts every accepted chat.postMessage against about one a second per channel, and 20 a second
     * for the app (the workspace allows short bursts; this is the most the app promises), and returns the watch,
     * whose violations a test fails on.
     */
    public RateWatch watchRates() {
        rates = new RateWatch(List.of(Rate.perSecond(20)), List.of(Rate.perSecond(1)), List.of(), channel -> false,
                Duration.ofMillis(100));
        return rates;
    }

    private void countRate(String method, Map<String, String> params, boolean accepted) {
        RateWatch watch = rates;
        if (watch != null && accepted && method.equals("chat.postMessage")) {
            watch.arrived(String.valueOf(params.get("channel")));
        }
    }

    private String usualAnswer(Call call) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        switch (call.method()) {
            case "auth.test" -> answer.put("url", "https://test.slack.com/").put("team", "Test").put("user", "bot")
                    .put("team_id", TEAM).put("user_id", "UBOT").put("bot_id", "BBOT");
            case "apps.connections.open" -> answer.put("url", socketUrl);
            case "chat.postMessage" -> {
                String given = ts(ts.incrementAndGet());
                posted.put(call.seq(), given);
                answer.put("channel", call.param("channel").startsWith("U") ? "D" + call.param("channel")
                        : call.param("channel")).put("ts", given);
            }
            case "users.info" -> {
                String email = emails.get(call.param("user"));
                String locale = locales.get(call.param("user"));
                if (email == null && locale == null) {
                    return "{\"ok\":false,\"error\":\"user_not_found\"}";
                }
                ObjectNode user = answer.putObject("user").put("id", call.param("user")).put("team_id", TEAM)
                        .put("is_bot", false).put("deleted", false).put("is_email_confirmed", email != null);
                if (email != null) {
                    user.putObject("profile").put("email", email);
                }
                // Slack answers the locale only when asked for it.
                if (locale != null && Set.of("true", "1").contains(String.valueOf(call.param("include_locale")))) {
                    user.put("locale", locale);
                }
            }
            default -> { }
        }
        return JSON.writeValueAsString(answer);
    }

    static String ts(long micros) {
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode json = JSON.readTree(body);
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            params.put(field.getKey(), field.getValue().isString() ? field.getValue().asString()
                    : JSON.writeValueAsString(field.getValue()));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
