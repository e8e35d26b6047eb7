package com.disputeassistant.slack.sending;

import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.PlatformSender;
import com.disputeassistant.outbox.SendFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts queued messages with {@code chat.postMessage}, and tells the outbox what a failure means:
 * HTTP 429 or {@code ratelimited} waits the {@code Retry-After} Slack gave; 5xx, I/O and Slack's own
 * "try again" errors are retried with backoff; anything else ({@code channel_not_found},
 * {@code not_in_channel}, {@code invalid_blocks}, a revoked token) will never succeed and is dead-lettered.
 *
 * <p>The payload is already the JSON request body ({@link SlackMessage}), so it is posted as is.
 */
public final class SlackSender implements PlatformSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Slack's 429 always carries Retry-After; this is only for a proxy that drops it. */
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "unreadable_answer");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI postMessage;
    private final String botToken;

    public SlackSender(String apiUrl, String botToken) {
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.postMessage = URI.create(apiUrl + "chat.postMessage");
        this.botToken = botToken;
    }

    @Override
    public void send(OutboxEntry entry) throws SendFailure {
        post(entry.conversation(), entry.payload());
    }

    /**
     * Posts one {@code chat.postMessage} body to {@code conversation} (named in failures); returns the
     * {@code ts} Slack gave the message, which starts a thread, or null if its answer has none.
     */
    public String post(String conversation, String body) throws SendFailure {
        HttpRequest request = HttpRequest.newBuilder(postMessage).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + botToken)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SendFailure.transientFailure("chat.postMessage to " + conversation + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.transientFailure("interrupted while posting to " + conversation, e);
        }
        return check(response, conversation);
    }

    /** The posted message's ts, if Slack took it; otherwise what the failure means, thrown. */
    private static String check(HttpResponse<String> response, String conversation) throws SendFailure {
        int status = response.statusCode();
        if (status == 429) {
            throw SendFailure.retryAfter(retryAfter(response), "Slack rate-limited posting to " + conversation);
        }
        if (status >= 500) {
            throw SendFailure.transientFailure("Slack answered HTTP " + status + " posting to " + conversation, null);
        }
        if (status != 200) {
            throw SendFailure.permanent("Slack answered HTTP " + status + " posting to " + conversation);
        }
        JsonNode answer = read(response.body());
        String error = error(answer);
        if (error == null) {
            String ts = answer.path("ts").asString("");
            return ts.isEmpty() ? null : ts;
        }
        String why = "chat.postMessage to " + conversation + " failed: " + error;
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

    /** Slack's error code for an {@code ok:false} answer; null when it accepted the message. */
    private static String error(JsonNode answer) {
        if (answer == null) {
            return "unreadable_answer";
        }
        return answer.path("ok").asBoolean(false) ? null : answer.path("error").asString("unknown_error");
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(seconds -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(seconds)));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElse(DEFAULT_WAIT);
    }
}
