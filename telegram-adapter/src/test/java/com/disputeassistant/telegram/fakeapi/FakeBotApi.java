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
 *
 * <p><b>Files</b>, as the Bot API has them: users send documents and photos ({@link #sendDocument},
 * {@link #sendPhoto}, captions as their text); {@code getFile} answers a {@code file_path} (and refuses a
 * file over {@value #DOWNLOAD_LIMIT} bytes with "file is too big", as Telegram does), and
 * {@code GET /file/bot<token>/<file_path>} serves its bytes, failing as often as a test says
 * ({@link #failDownloads}). {@code sendDocument} and {@code sendPhoto} take multipart uploads, recorded as
 * {@link Upload}s with the name, type and bytes of the file part.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token_for-the-fake";
    public static final String BOT_USERNAME = "DisputeTestBot";
    /** The Bot API's limit for a bot downloading a file (getFile), 20 MB. */
    public static final long DOWNLOAD_LIMIT = 20L * 1024 * 1024;
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
    /** The files users sent, by file_id. */
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> downloadFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final List<Upload> uploads = new ArrayList<>();
    private final AtomicInteger nextFile = new AtomicInteger(1);
    /** The file each update with a document or photo sent (a photo's largest size), by update id. */
    private final Map<Integer, String> fileOfUpdate = new ConcurrentHashMap<>();

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

    /** A file a user sent, as Telegram keeps it: its ids, its path for downloading, its bytes. */
    private record StoredFile(String fileId, String uniqueId, String path, byte[] bytes, long declaredSize) {
    }

    /**
     * A file the bot uploaded ({@code sendDocument}, {@code sendPhoto}) to a chat: the multipart part's file
     * name, its Content-Type and its bytes, and the call's caption (or null).
     */
    public record Upload(String method, String chatId, String fileName, String contentType, byte[] bytes,
                         String caption) {
        @Override
        public String toString() {
            return method + " to " + chatId + ": " + fileName + " (" + contentType + ", " + bytes.length + " bytes)";
        }
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
        if (text == null) {
            return message;
        }
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

    // ---- files, as the test's people send them ----

    /**
     * Queues a document from a user in their private chat, with {@code caption} (or none); returns its
     * update id. The file's size is its bytes' length unless {@code declaredSize} says otherwise (to send a
     * file over a limit without making one).
     */
    public int sendDocument(long userId, String fileName, String mimeType, byte[] bytes, String caption) {
        return sendDocument(userId, fileName, mimeType, bytes, bytes.length, caption);
    }

    /** As {@link #sendDocument(long, String, String, byte[], String)}, the document saying it has {@code declaredSize} bytes. */
    public int sendDocument(long userId, String fileName, String mimeType, byte[] bytes, long declaredSize,
                            String caption) {
        StoredFile file = store(bytes, declaredSize, "documents", extensionOf(fileName));
        ObjectNode message = message(userId, userId, null);
        ObjectNode document = message.putObject("document");
        document.put("file_id", file.fileId());
        document.put("file_unique_id", file.uniqueId());
        if (fileName != null) {
            document.put("file_name", fileName);
        }
        if (mimeType != null) {
            document.put("mime_type", mimeType);
        }
        document.put("file_size", declaredSize);
        caption(message, caption);
        return queueWithFile(message, file);
    }

    /**
     * Queues a photo from a user in their private chat, with {@code caption} (or none); returns its update
     * id. Telegram sends a photo in several sizes, smallest first, and no name: the largest is {@code bytes},
     * a JPEG; the smaller ones are thumbnails of a few bytes, stored too.
     */
    public int sendPhoto(long userId, byte[] bytes, String caption) {
        ObjectNode message = message(userId, userId, null);
        ArrayNode sizes = message.putArray("photo");
        byte[] thumbnail = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 16));
        StoredFile small = store(thumbnail, thumbnail.length, "photos", "jpg");
        photoSize(sizes.addObject(), small, 90, 67);
        StoredFile large = store(bytes, bytes.length, "photos", "jpg");
        photoSize(sizes.addObject(), large, 1280, 960);
        caption(message, caption);
        return queueWithFile(message, large);
    }

    /** Queues the message's update, its file known by the update's id before the bot may take it. */
    private int queueWithFile(ObjectNode message, StoredFile file) {
        ObjectNode update = JSON.createObjectNode();
        int id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        update.set("message", message);
        fileOfUpdate.put(id, file.fileId());
        queue(update);
        return id;
    }

    private static void photoSize(ObjectNode size, StoredFile file, int width, int height) {
        size.put("file_id", file.fileId());
        size.put("file_unique_id", file.uniqueId());
        size.put("file_size", file.declaredSize());
        size.put("width", width);
        size.put("height", height);
    }

    private static void caption(ObjectNode message, String caption) {
        if (caption != null) {
            message.put("caption", caption);
        }
    }

    private StoredFile store(byte[] bytes, long declaredSize, String folder, String extension) {
        int n = nextFile.getAndIncrement();
        StoredFile file = new StoredFile("BQACAgIAAxkBAAI" + n + "x" + Long.toHexString(declaredSize), "AgAD" + n,
                folder + "/file_" + n + (extension.isEmpty() ? "" : "." + extension), bytes.clone(), declaredSize);
        files.put(file.fileId(), file);
        return file;
    }

    private static String extensionOf(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1);
    }

    /** The file id of the largest size of the photo, or of the document, in the message of this update. */
    public String fileIdIn(int updateId) {
        String fileId = fileOfUpdate.get(updateId);
        if (fileId == null) {
            throw new AssertionError("update " + updateId + " sent no file");
        }
        return fileId;
    }

    /** A queued update, not yet confirmed, as the bot will get it. */
    public JsonNode update(int updateId) {
        synchronized (pending) {
            for (JsonNode update : pending) {
                if (update.path("update_id").asInt() == updateId) {
                    return update.deepCopy();
                }
            }
        }
        throw new AssertionError("update " + updateId + " is not queued (any more)");
    }

    /** The next {@code times} downloads of this file fail with HTTP 500. */
    public void failDownloads(String fileId, int times) {
        downloadFailures.computeIfAbsent(fileId, id -> new AtomicInteger()).addAndGet(times);
    }

    /** How often the bot asked for this file's bytes (failed attempts included). */
    public int downloads(String fileId) {
        AtomicInteger count = downloads.get(fileId);
        return count == null ? 0 : count.get();
    }

    /** Every file the bot uploaded, in order. */
    public List<Upload> uploads() {
        synchronized (uploads) {
            return List.copyOf(uploads);
        }
    }

    /** The files the bot uploaded to this chat, in order. */
    public List<Upload> uploadsTo(long chatId) {
        return uploads().stream().filter(u -> u.chatId().equals(Long.toString(chatId))).toList();
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
            if (path.startsWith("/file/")) {
                download(exchange, path);
                return;
            }
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                reply(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            String method = lower(path.substring(prefix.length()));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            List<Multipart.Part> parts = Multipart.parts(type, raw);
            JsonNode json = parts == null ? parse(exchange, body) : Multipart.fields(parts);
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
                case "getfile" -> getFile(exchange, json);
                case "senddocument", "sendphoto" -> reply(exchange, 200, ok(uploaded(method, json, parts)));
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

    /** As Telegram: the file's path for downloading, or 400 for an unknown file or one over the bot's limit. */
    private void getFile(HttpExchange exchange, JsonNode call) throws IOException {
        StoredFile file = call == null ? null : files.get(call.path("file_id").asText(""));
        if (file == null) {
            reply(exchange, 400, error(400, "Bad Request: invalid file_id", null));
            return;
        }
        if (file.declaredSize() > DOWNLOAD_LIMIT) {
            reply(exchange, 400, error(400, "Bad Request: file is too big", null));
            return;
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("file_id", file.fileId());
        result.put("file_unique_id", file.uniqueId());
        result.put("file_size", file.declaredSize());
        result.put("file_path", file.path());
        reply(exchange, 200, ok(result));
    }

    /** {@code GET /file/bot<token>/<file_path>}: the bytes, or a planned 500, or 404. */
    private void download(HttpExchange exchange, String path) throws IOException {
        String prefix = "/file/bot" + TOKEN + "/";
        StoredFile file = !path.startsWith(prefix) ? null : files.values().stream()
                .filter(f -> f.path().equals(path.substring(prefix.length()))).findFirst().orElse(null);
        if (file == null) {
            reply(exchange, 404, error(404, "Not Found", null));
            return;
        }
        downloads.computeIfAbsent(file.fileId(), id -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failing = downloadFailures.get(file.fileId());
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(exchange, 500, error(500, "Internal Server Error", null));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, file.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file.bytes());
        }
    }

    /** A sendDocument or sendPhoto: the file part is recorded; the answer is the message Telegram would make. */
    private JsonNode uploaded(String method, JsonNode call, List<Multipart.Part> parts) {
        String field = method.equals("sendphoto") ? "photo" : "document";
        Multipart.Part file = parts == null ? null : Multipart.file(parts, field);
        String chat = call == null ? "" : call.path("chat_id").asText("");
        String caption = call == null ? null : call.path("caption").asText(null);
        if (file != null) {
            synchronized (uploads) {
                uploads.add(new Upload(method, chat, file.fileName(), file.contentType(), file.bytes(), caption));
            }
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", nextMessageId.getAndIncrement());
        message.put("date", 1_790_000_000);
        message.putObject("chat").put("id", chat).put("type", "private");
        ObjectNode document = field.equals("photo") ? message.putArray("photo").addObject() : message.putObject(field);
        document.put("file_id", "sent" + nextFile.getAndIncrement());
        document.put("file_unique_id", "u" + nextFile.get());
        if (file != null) {
            document.put("file_name", file.fileName());
            document.put("file_size", file.bytes().length);
        }
        if (caption != null) {
            message.put("caption", caption);
        }
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
