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
 *
 * <p><b>Files</b>, as Slack has them: a file a user shares ({@link #shareFile}) is described as in a
 * {@code file_share} event's {@code files[]} and served at its {@code url_private} and
 * {@code url_private_download} only with {@code Authorization: Bearer} and the bot token (without it, as
 * Slack, a redirect to a sign-in page); {@link #failDownloads} makes the next downloads fail. Uploads go
 * Slack's current way: {@code conversations.open} gives a DM's id, {@code files.getUploadURLExternal} an
 * upload URL and a file id, the bytes are POSTed there, and {@code files.completeUploadExternal} shares the
 * file in a conversation ({@code channel_id} a conversation id, never a user id, as Slack checks),
 * recorded as an {@link Upload}.
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String TEAM = "T01TEST";
    /** The bot token {@link #appSettings} gives the app, which the files need. */
    public static final String BOT_TOKEN = "xoxb-test";
    /** Slack's check of {@code files.completeUploadExternal}'s {@code channel_id}. */
    private static final java.util.regex.Pattern CONVERSATION_ID = java.util.regex.Pattern.compile("^[CGDZ][A-Z0-9]{8,}$");
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

    /** A file a user shared: its id, name, type and bytes. */
    private record SharedFile(String id, String name, String mimetype, byte[] bytes) {
    }

    /**
     * A file the bot uploaded and shared: the name and length it announced, the bytes it POSTed (with their
     * Content-Type), and where {@code files.completeUploadExternal} shared it, with its title.
     */
    public record Upload(String fileId, String fileName, long length, byte[] bytes, String contentType,
                         String channel, String threadTs, String title, String initialComment) {
        @Override
        public String toString() {
            return fileName + " (" + length + " bytes) to " + channel + (threadTs == null ? "" : " in " + threadTs);
        }
    }

    /** An upload in progress: announced, maybe POSTed, not yet shared. */
    private record Pending(String fileName, long length, byte[] bytes, String contentType) {
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
    private final Map<String, SharedFile> shared = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> downloadFailures = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final Map<String, Pending> pendingUploads = new ConcurrentHashMap<>();
    private final List<Upload> uploads = new ArrayList<>();
    private final AtomicLong fileIds = new AtomicLong(1);
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
        server.createContext("/files-pri/", this::download);
        server.createContext("/upload/", this::uploadBytes);
        server.createContext("/signin", exchange -> {
            try (exchange) {
                byte[] page = "<!DOCTYPE html><html><title>Sign in | Slack</title></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
        });
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
        return Map.of("dispute.slack.bot-token", BOT_TOKEN, "dispute.slack.app-token", "",
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

    // ---- files ----

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * A file the user shares: kept, and described as a {@code file_share} event lists it in {@code files[]}
     * (its {@code size} as given, to describe a file over a limit without making one).
     */
    public ObjectNode shareFile(String name, String mimetype, byte[] bytes, long size) {
        String id = "F0" + fileIds.getAndIncrement() + "SHARED";
        shared.put(id, new SharedFile(id, name, mimetype, bytes.clone()));
        String path = base() + "/files-pri/" + TEAM + "-" + id + "/";
        ObjectNode file = JSON.createObjectNode().put("id", id).put("created", 1_700_000_000).put("timestamp", 1_700_000_000)
                .put("name", name).put("title", name).put("mimetype", mimetype)
                .put("filetype", name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "binary")
                .put("pretty_type", mimetype).put("user", "U0").put("mode", "hosted").put("editable", false)
                .put("is_external", false).put("external_type", "").put("is_public", false)
                .put("size", size).put("url_private", path + name).put("url_private_download", path + "download/" + name)
                .put("permalink", "https://test.slack.com/files/U0/" + id + "/" + name);
        return file;
    }

    /** A file the user shares, of its real size. */
    public ObjectNode shareFile(String name, String mimetype, byte[] bytes) {
        return shareFile(name, mimetype, bytes, bytes.length);
    }

    /** The next {@code times} downloads of the file fail with HTTP 500. */
    public void failDownloads(String fileId, int times) {
        downloadFailures.computeIfAbsent(fileId, id -> new java.util.concurrent.atomic.AtomicInteger()).addAndGet(times);
    }

    /** How often the file was asked for with the bot token (failed attempts included). */
    public int downloads(String fileId) {
        java.util.concurrent.atomic.AtomicInteger count = downloads.get(fileId);
        return count == null ? 0 : count.get();
    }

    /** Every file shared by files.completeUploadExternal, in order. */
    public List<Upload> uploads() {
        synchronized (uploads) {
            return List.copyOf(uploads);
        }
    }

    /** The files shared in this conversation (a DM's id is {@link #dmOf} the user), in order. */
    public List<Upload> uploadsTo(String channel) {
        return uploads().stream().filter(u -> channel.equals(u.channel())).toList();
    }

    /** Waits for a file of this name shared in the conversation, failing the test after 10 s. */
    public Upload awaitUpload(String channel, String fileName) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Upload upload : uploadsTo(channel)) {
                if (upload.fileName().equals(fileName)) {
                    return upload;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("no " + fileName + " shared in " + channel + " within 10 s; uploads: " + uploads());
    }

    /** The id conversations.open gives the DM of the bot with this user. */
    public static String dmOf(String user) {
        return "D" + (user.length() >= 9 ? user.substring(1) : (user.substring(1) + "00000000").substring(0, 8));
    }

    /** {@code GET /files-pri/<team>-<id>/[download/]<name>}: the bytes, with the bot token only. */
    private void download(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.substring("/files-pri/".length()).split("/");
            SharedFile file = parts.length < 2 ? null : shared.get(parts[0].substring(parts[0].indexOf('-') + 1));
            if (!("Bearer " + BOT_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                // As Slack: no error, but the sign-in page.
                exchange.getResponseHeaders().set("Location", base() + "/signin?redir=" + path);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            downloads.computeIfAbsent(file.id(), id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            java.util.concurrent.atomic.AtomicInteger failing = downloadFailures.get(file.id());
            if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.mimetype());
            exchange.sendResponseHeaders(200, file.bytes().length);
            exchange.getResponseBody().write(file.bytes());
        }
    }

    /** {@code POST /upload/v1/<file id>}: the bytes of an announced upload. */
    private void uploadBytes(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring(exchange.getRequestURI().getPath().lastIndexOf('/') + 1);
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Pending pending = pendingUploads.get(id);
            if (pending == null || !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            pendingUploads.put(id, new Pending(pending.fileName(), pending.length(), bytes,
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            byte[] ok = ("OK - " + bytes.length).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }

    /** files.getUploadURLExternal: an upload URL for an announced file. */
    private void announceUpload(Call call, ObjectNode answer) {
        String id = "F0" + fileIds.getAndIncrement() + "UPLOAD";
        long length = Long.parseLong(call.params().getOrDefault("length", "0"));
        pendingUploads.put(id, new Pending(call.param("filename"), length, null, null));
        answer.put("upload_url", base() + "/upload/v1/" + id).put("file_id", id);
    }

    /** files.completeUploadExternal: shares the uploaded files, or says why not, as Slack does. */
    private String completeUploads(Call call, ObjectNode answer) {
        String channel = call.param("channel_id");
        if (channel != null && !CONVERSATION_ID.matcher(channel).matches()) {
            return "{\"ok\":false,\"error\":\"invalid_arguments\",\"response_metadata\":{\"messages\":[\"[ERROR] input must "
                    + "match regex pattern: ^[CGDZ][A-Z0-9]{8,}$ [json-pointer:/channel_id]\"]}}";
        }
        tools.jackson.databind.node.ArrayNode files = answer.putArray("files");
        for (JsonNode file : call.json("files")) {
            String id = file.path("id").asString("");
            Pending pending = pendingUploads.get(id);
            if (pending == null || pending.bytes() == null) {
                return "{\"ok\":false,\"error\":\"file_not_found\"}";
            }
            pendingUploads.remove(id);
            synchronized (uploads) {
                uploads.add(new Upload(id, pending.fileName(), pending.length(), pending.bytes(), pending.contentType(),
                        channel, call.param("thread_ts"), file.path("title").asString(null), call.param("initial_comment")));
            }
            files.addObject().put("id", id).put("title", file.path("title").asString(pending.fileName()));
        }
        return JSON.writeValueAsString(answer);
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
            case "conversations.open" -> answer.putObject("channel").put("id", dmOf(call.param("users")));
            case "files.getUploadURLExternal" -> announceUpload(call, answer);
            case "files.completeUploadExternal" -> {
                return completeUploads(call, answer);
            }
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
