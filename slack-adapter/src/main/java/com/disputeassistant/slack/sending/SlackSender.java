package com.disputeassistant.slack.sending;

import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.PlatformSender;
import com.disputeassistant.outbox.SendFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts queued messages with {@code chat.postMessage} and uploads queued evidence files, and tells the
 * outbox what a failure means: HTTP 429 or {@code ratelimited} waits the {@code Retry-After} Slack gave;
 * 5xx, I/O and Slack's own "try again" errors are retried with backoff; anything else
 * ({@code channel_not_found}, {@code not_in_channel}, {@code invalid_blocks}, a revoked token) will never
 * succeed and is dead-lettered.
 *
 * <p>A message's payload is already the JSON request body ({@link SlackMessage}), so it is posted as is.
 *
 * <p>A file ({@link SlackUpload}) goes Slack's current way ({@code files.upload} is retired): read the
 * bytes from the evidence store, whole and checked against their SHA-256 (changed bytes are a permanent
 * failure and are never sent); {@code conversations.open} for a person's DM, as the upload only takes a
 * conversation id ({@code D…}), not a user id; {@code files.getUploadURLExternal} (name, length); a POST of
 * the bytes to the URL it gave; {@code files.completeUploadExternal} to share it in the conversation, in the
 * thread if there is one ({@code files:write}). A retry does all of it again: an upload never completed is
 * dropped by Slack, so only a lost answer to the last call can share a file twice, as with a message.
 */
public final class SlackSender implements PlatformSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Uploading a file of some megabytes takes longer than posting a message. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(120);
    /** Slack's 429 always carries Retry-After; this is only for a proxy that drops it. */
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "unreadable_answer");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String apiUrl;
    private final String botToken;
    /** Where kept evidence is read back, or null when the application keeps none. */
    private final EvidenceFiles evidence;

    public SlackSender(String apiUrl, String botToken) {
        this(apiUrl, botToken, null);
    }

    public SlackSender(String apiUrl, String botToken, EvidenceFiles evidence) {
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.apiUrl = apiUrl;
        this.botToken = botToken;
        this.evidence = evidence;
    }

    @Override
    public void send(OutboxEntry entry) throws SendFailure {
        JsonNode body = read(entry.payload());
        if (body != null && SlackUpload.isUpload(body)) {
            upload(entry.conversation(), body);
            return;
        }
        post(entry.conversation(), entry.payload());
    }

    /**
     * Posts one {@code chat.postMessage} body to {@code conversation} (named in failures); returns the
     * {@code ts} Slack gave the message, which starts a thread, or null if its answer has none.
     */
    public String post(String conversation, String body) throws SendFailure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "chat.postMessage")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + botToken)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        String ts = check(exchange(request, "chat.postMessage to " + conversation), "chat.postMessage to " + conversation)
                .path("ts").asString("");
        return ts.isEmpty() ? null : ts;
    }

    /** The four steps of an upload; see the class comment. */
    private void upload(String conversation, JsonNode body) throws SendFailure {
        EvidenceRef file;
        try {
            file = SlackUpload.fileOf(body).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw SendFailure.permanent("not an upload this version can read: " + e.getMessage());
        }
        byte[] bytes = SendFailure.readEvidence(evidence, file);
        String channel = body.path("channel").asString(conversation);
        if (channel.startsWith("U") || channel.startsWith("W")) {
            channel = call("conversations.open", Map.of("users", channel)).path("channel").path("id").asString("");
        }
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("filename", file.name());
        asked.put("length", Long.toString(bytes.length));
        JsonNode target = call("files.getUploadURLExternal", asked);
        String uploadUrl = target.path("upload_url").asString("");
        String fileId = target.path("file_id").asString("");
        if (uploadUrl.isEmpty() || fileId.isEmpty()) {
            throw SendFailure.transientFailure("files.getUploadURLExternal gave no upload_url or file_id", null);
        }
        sendBytes(uploadUrl, file, bytes);
        Map<String, String> share = new LinkedHashMap<>();
        share.put("files", JSON.writeValueAsString(JSON.createArrayNode().add(JSON.createObjectNode()
                .put("id", fileId).put("title", file.name()))));
        share.put("channel_id", channel);
        String thread = body.path("thread_ts").asString("");
        if (!thread.isEmpty()) {
            share.put("thread_ts", thread);
        }
        call("files.completeUploadExternal", share);
    }

    /** The upload URL takes the raw bytes; it needs no token, so none is sent there. */
    private void sendBytes(String uploadUrl, EvidenceRef file, byte[] bytes) throws SendFailure {
        URI url;
        try {
            url = URI.create(uploadUrl);
        } catch (IllegalArgumentException e) {
            throw SendFailure.transientFailure("files.getUploadURLExternal gave an unusable upload_url", e);
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", file.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<String> response = exchange(request, "uploading " + file.id());
        int status = response.statusCode();
        if (status == 429) {
            throw SendFailure.retryAfter(retryAfter(response), "Slack rate-limited uploading " + file.id());
        }
        if (status != 200) {
            // A 4xx here is about this upload URL (expired, used), not the file: a retry asks for a new one.
            throw SendFailure.transientFailure("uploading " + file.id() + " got HTTP " + status, null);
        }
    }

    /** A form-encoded Web API call; Slack's answer if it accepted it, otherwise what the failure means, thrown. */
    private JsonNode call(String method, Map<String, String> form) throws SendFailure {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + method)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + botToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded, StandardCharsets.UTF_8))
                .build();
        return check(exchange(request, method), method);
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) throws SendFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SendFailure.transientFailure(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.transientFailure("interrupted: " + what, e);
        }
    }

    /** Slack's answer, if it took the call; otherwise what the failure means, thrown. */
    private static JsonNode check(HttpResponse<String> response, String what) throws SendFailure {
        int status = response.statusCode();
        if (status == 429) {
            throw SendFailure.retryAfter(retryAfter(response), "Slack rate-limited " + what);
        }
        if (status >= 500) {
            throw SendFailure.transientFailure("Slack answered HTTP " + status + " to " + what, null);
        }
        if (status != 200) {
            throw SendFailure.permanent("Slack answered HTTP " + status + " to " + what);
        }
        JsonNode answer = read(response.body());
        String error = error(answer);
        if (error == null) {
            return answer;
        }
        String why = what + " failed: " + error;
        if (error.equals("ratelimited")) {
            throw SendFailure.retryAfter(retryAfter(response), why);
        }
        if (TRANSIENT_ERRORS.contains(error)) {
            throw SendFailure.transientFailure(why, null);
        }
        throw SendFailure.permanent(why);
    }

    /** Slack's answer; null when it is not JSON. */
    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Slack's error code for an {@code ok:false} answer; null when it accepted the call. */
    private static String error(JsonNode answer) {
        if (answer == null) {
            return "unreadable_answer";
        }
        return answer.path("ok").asBoolean(false) ? null : answer.path("error").asString("unknown_error");
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(seconds -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(seconds)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(DEFAULT_WAIT);
    }
}
