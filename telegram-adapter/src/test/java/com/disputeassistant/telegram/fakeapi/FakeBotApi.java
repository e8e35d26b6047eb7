package com.disputeassistant.telegram.fakeapi;

import com.disputeassistant.outbox.SendLimits.Rate;
import com.disputeassistant.testing.RateWatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A Bot API server for tests, on 127.0.0.1 and a free port: it answers the calls the bot makes
 * ({@code deleteWebhook}, {@code setMyCommands}, {@code getMe}, {@code getUpdates}, {@code sendMessage},
 * {@code answerCallbackQuery}, {@code setWebhook}, {@code createForumTopic}) with method names matched in any case, as Telegram
 * does, records every request, hands out the updates a test queues as Telegram would (an update stays
 * until a getUpdates call with a higher offset confirms it), and can answer calls with an error such as
 * 429 with {@code retry_after}. Users write in private chats or in a group (the mediators' room), in a
 * forum topic or as a reply to a message.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token_for-the-fake";
    public static final String BOT_USERNAME = "DisputeTestBot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<JsonNode> pending = new ArrayDeque<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(700_000_001);
    private final AtomicLong nextMessageId = new AtomicLong(1);
    /** Telegram's rate limits, checked on each sendMessage once a test switches them on. */
    private volatile RateWatch rates;
    /** The message id each sendMessage got, by the call's body. */
    private final Map<String, Integer> sentIds = new ConcurrentHashMap<>();

    /**
     * One call the bot made: the method in lower case, the body (JSON, or form data for setWebhook), and
     * when it arrived ({@link System#nanoTime()}).
     */
    public record Request(String method, String body, JsonNode json, long receivedAt) {
        public String text(String field) {
            return json == null ? null : json.path(field).asText(null);
        }
    }

    private record Failure(int status, Integer retryAfter) {
    }

    public FakeBotApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The base URL to give the bot as {@code TELEGRAM_API_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The app's settings for Telegram long polling against this fake: for a test that runs the whole app. */
    public Map<String, String> appSettings() {
        return Map.of("dispute.telegram.bot-token", TOKEN, "dispute.telegram.api-url", url(),
                "dispute.telegram.poll-timeout", "1s");
    }

    @Override
    public void close() {
        server.stop(0);
        synchronized (pending) {
            pending.notifyAll();
        }
    }

    private final Map<Long, String> languages = new java.util.concurrent.ConcurrentHashMap<>();

    // ---- updates, as the test's people send them ----

    /** Queues a text message from a user in their private chat; returns its update id. */
    public int send(long userId, String text) {
        ObjectNode message = message(userId, userId, text);
        return queue(update -> update.set("message", message));
    }

    /**
     * Queues a press of an inline button that carried {@code callbackData}; returns its update id. The
     * callback query's id is {@link #queryId} of it.
     */
    public int press(long userId, String callbackData) {
        return queue(update -> update.set("callback_query", callbackQuery(update.path("update_id").asInt(), userId,
                callbackData)));
    }

    /** The id of the callback query in the press with this update id. */
    public static String queryId(int updateId) {
        return "q" + updateId;
    }

    /**
     * Queues a text from a user in a group (a supergroup; a forum when {@code topic} is set), in that
     * topic, and as a reply to the message {@code replyTo} if set; returns its update id.
     */
    public int sendInGroup(long chatId, long userId, String text, Integer topic, Integer replyTo) {
        ObjectNode message = message(chatId, userId, text);
        ObjectNode chat = (ObjectNode) message.path("chat");
        chat.put("type", "supergroup");
        chat.put("title", "Mediators");
        chat.remove("first_name");
        if (topic != null) {
            chat.put("is_forum", true);
            message.put("message_thread_id", topic);
            message.put("is_topic_message", true);
        }
        if (replyTo != null) {
            ObjectNode original = message.putObject("reply_to_message");
            original.put("message_id", replyTo);
            original.put("date", 1_790_000_000);
            original.set("chat", chat.deepCopy());
        }
        return queue(update -> update.set("message", message));
    }

    /** Queues a press of a button that carried {@code callbackData} on a message in a group; returns its update id. */
    public int pressInGroup(long chatId, long userId, String callbackData) {
        return queue(update -> {
            ObjectNode query = callbackQuery(update.path("update_id").asInt(), userId, callbackData);
            ((ObjectNode) query.path("message").path("chat")).put("id", chatId).put("type", "supergroup");
            update.set("callback_query", query);
        });
    }

    private ObjectNode callbackQuery(int updateId, long userId, String callbackData) {
        ObjectNode query = JSON.createObjectNode();
        query.put("id", queryId(updateId));
        query.set("from", user(userId));
        query.set("message", message(userId, userId, "(the message the button was on)"));
        query.put("chat_instance", "ci" + userId);
        query.put("data", callbackData);
        return query;
    }

    /** Queues an update exactly as given (to deliver one twice, queue what {@link #updateJson} returned). */
    public void queue(JsonNode update) {
        synchronized (pending) {
            pending.add(update);
            pending.notifyAll();
        }
    }

    /** The JSON of a new update with a fresh id, not queued: for webhook calls and repeated deliveries. */
    public ObjectNode textUpdate(long userId, String text) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", nextUpdateId.getAndIncrement());
        update.set("message", message(userId, userId, text));
        return update;
    }

    /** The JSON of a new button press with a fresh id, not queued. */
    public ObjectNode pressUpdate(long userId, String callbackData) {
        ObjectNode update = JSON.createObjectNode();
        int id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        update.set("callback_query", callbackQuery(id, userId, callbackData));
        return update;
    }

    /** Updates queued and not yet confirmed by a getUpdates offset. */
    public int unconfirmed() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private int queue(java.util.function.Consumer<ObjectNode> content) {
        ObjectNode update = JSON.createObjectNode();
        int id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        content.accept(update);
        queue(update);
        return id;
    }

    /** A message from a user in a chat: their private chat when {@code chatId} is their id. */
    private ObjectNode message(long chatId, long userId, String text) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", nextMessageId.getAndIncrement());
        message.put("date", 1_790_000_000);
        message.set("from", user(userId));
        ObjectNode chat = message.putObject("chat");
        chat.put("id", chatId);
        chat.put("type", "private");
        chat.put("first_name", "User " + userId);
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            ArrayNode entities = message.putArray("entities");
            ObjectNode command = entities.addObject();
            command.put("type", "bot_command");
            command.put("offset", 0);
            command.put("length", end < 0 ? text.length() : end);
        }
        return message;
    }

    private ObjectNode user(long userId) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", userId);
        user.put("is_bot", false);
        user.put("first_name", "User " + userId);
        String language = languages.get(userId);
        if (language != null) {
            user.put("language_code", language);
        }
        return user;
    }

    /** From now on the user's updates say their Telegram app is in this language ({@code language_code}). */
    public void language(long userId, String languageCode) {
        languages.put(userId, languageCode);
    }

    /**
     * From now on, counts every message against Telegram's limits (30 a second per bot, one a second per chat,
     * 20 a minute per group) and returns the watch, whose violations a test fails on.
     */
    public RateWatch watchRates() {
        rates = new RateWatch(List.of(Rate.perSecond(30)), List.of(Rate.perSecond(1)), List.of(Rate.perMinute(20)),
                chat -> chat.startsWith("-"), RATE_NOISE);
        return rates;
    }

    /** How much earlier than exact a window counts as full: loopback and a busy test machine add that much noise. */
    public static final Duration RATE_NOISE = Duration.ofMillis(100);

    private void countRate(String method, JsonNode call) {
        RateWatch watch = rates;
        if (watch != null && method.equals("sendmessage") && call != null) {
            watch.arrived(call.path("chat_id").asText());
        }
    }

    // ---- failures ----

    /** The next {@code times} calls of {@code method} get 429 Too Many Requests with this retry_after. */
    public void tooManyRequests(String method, int times, int retryAfterSeconds) {
        for (int i = 0; i < times; i++) {
            failures.computeIfAbsent(lower(method), m -> new ArrayDeque<>()).add(new Failure(429, retryAfterSeconds));
        }
    }

    /** The next {@code times} calls of {@code method} fail with this status (e.g. 500, or 403 blocked). */
    public void fail(String method, int times, int status) {
        for (int i = 0; i < times; i++) {
            failures.computeIfAbsent(lower(method), m -> new ArrayDeque<>()).add(new Failure(status, null));
        }
    }

    // ---- what the bot sent ----

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String method) {
        String wanted = lower(method);
        return requests().stream().filter(r -> r.method().equals(wanted)).toList();
    }

    /** The sendMessage calls that reached a chat, in order (calls answered with an error not included). */
    public List<Request> messagesTo(long chatId) {
        return requests("sendMessage").stream()
                .filter(r -> r.json() != null && r.json().path("chat_id").asText().equals(Long.toString(chatId)))
                .filter(r -> !r.json().path("failed").asBoolean(false))
                .toList();
    }

    /** Waits until a request matches, failing the test after the deadline. */
    public Request awaitRequest(Duration timeout, String method, Predicate<Request> matching) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Request request : requests(method)) {
                if (matching.test(request)) {
                    return request;
                }
            }
            synchronized (requests) {
                try {
                    requests.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
        throw new AssertionError("no " + method + " call matched within " + timeout + "; calls: " + requests(method));
    }

    // ---- the server ----

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                reply(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            String method = lower(path.substring(prefix.length()));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = parse(exchange, body);
            Failure failure = nextFailure(method);
            ObjectNode recorded = json instanceof ObjectNode object ? object.deepCopy() : null;
            if (failure != null && recorded != null) {
                recorded.put("failed", true);
            }
            record(new Request(method, body, recorded, System.nanoTime()));
            if (failure != null) {
                String description = failure.status == 429 ? "Too Many Requests: retry after " + failure.retryAfter
                        : "Simulated failure";
                reply(exchange, failure.status, error(failure.status, description, failure.retryAfter));
                return;
            }
            countRate(method, json);
            switch (method) {
                case "getupdates" -> reply(exchange, 200, ok(updates(json)));
                case "sendmessage" -> reply(exchange, 200, ok(sentMessage(json, body)));
                case "createforumtopic" -> reply(exchange, 200, ok(forumTopic(json)));
                case "getme" -> reply(exchange, 200, ok(me()));
                case "deletewebhook", "setwebhook", "setmycommands", "answercallbackquery" ->
                        reply(exchange, 200, ok(JSON.getNodeFactory().booleanNode(true)));
                default -> reply(exchange, 404, error(404, "Not Found: method not found", null));
            }
        }
    }

    private static JsonNode parse(HttpExchange exchange, String body) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json") || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private void record(Request request) {
        synchronized (requests) {
            requests.add(request);
            requests.notifyAll();
        }
    }

    private Failure nextFailure(String method) {
        Deque<Failure> queued = failures.get(method);
        return queued == null ? null : queued.poll();
    }

    private JsonNode updates(JsonNode call) {
        long offset = call == null ? 0 : call.path("offset").asLong(0);
        long timeoutMillis = call == null ? 0 : call.path("timeout").asLong(0) * 1000;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        ArrayNode result = JSON.createArrayNode();
        synchronized (pending) {
            // As Telegram: an offset confirms every update below it, for good.
            pending.removeIf(update -> update.path("update_id").asLong() < offset);
            long left;
            while (pending.isEmpty() && (left = deadline - System.currentTimeMillis()) > 0) {
                try {
                    pending.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pending.forEach(result::add);
        }
        return result;
    }

    private JsonNode sentMessage(JsonNode call, String body) {
        ObjectNode message = JSON.createObjectNode();
        int id = (int) nextMessageId.getAndIncrement();
        sentIds.put(body, id);
        message.put("message_id", id);
        message.put("date", 1_790_000_000);
        ObjectNode chat = message.putObject("chat");
        chat.put("id", call == null ? 0 : call.path("chat_id").asLong());
        chat.put("type", "private");
        message.put("text", call == null ? "" : call.path("text").asText(""));
        return message;
    }

    /** A topic's id is the id of the service message that opens it, as in Telegram. */
    private JsonNode forumTopic(JsonNode call) {
        ObjectNode topic = JSON.createObjectNode();
        topic.put("message_thread_id", nextMessageId.getAndIncrement());
        topic.put("name", call == null ? "" : call.path("name").asText(""));
        topic.put("icon_color", 7322096);
        return topic;
    }

    /** The id Telegram gave a message the bot sent (its answer to that sendMessage call). */
    public int messageIdOf(Request sent) {
        Integer id = sentIds.get(sent.body());
        if (id == null) {
            throw new AssertionError("not a message the bot sent: " + sent.body());
        }
        return id;
    }

    private static JsonNode me() {
        ObjectNode me = JSON.createObjectNode();
        me.put("id", 123456);
        me.put("is_bot", true);
        me.put("first_name", "Dispute Assistant");
        me.put("username", BOT_USERNAME);
        return me;
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ok", false);
        answer.put("error_code", code);
        answer.put("description", description);
        if (retryAfter != null) {
            answer.putObject("parameters").put("retry_after", retryAfter);
        }
        return answer;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String lower(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}
