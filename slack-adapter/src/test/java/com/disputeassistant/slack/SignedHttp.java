package com.disputeassistant.slack;

import com.disputeassistant.slack.http.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** Real HTTP requests to the app's {@code /slack/events}, signed as Slack signs them (or not, on request). */
public final class SignedHttp implements SlackTransport {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final SlackSignature signer;

    /** Requests to the app on this local port, signed with the app's signing secret. */
    public SignedHttp(int port, String signingSecret) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.signer = new SlackSignature(signingSecret, Clock.systemUTC());
    }

    @Override
    public void event(String json) {
        expectOk(post("application/json", json, Instant.now(), null));
    }

    @Override
    public void command(Map<String, String> fields) {
        expectOk(post("application/x-www-form-urlencoded", form(fields), Instant.now(), null));
    }

    @Override
    public void interaction(String json) {
        expectOk(post("application/x-www-form-urlencoded", form(Map.of("payload", json)), Instant.now(), null));
    }

    /** Posts the body signed for {@code signedAt}; {@code signature} overrides the computed one if not null. */
    HttpResponse<String> post(String contentType, String body, Instant signedAt, String signature) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature != null ? signature : signer.sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** Posts with no signature headers at all. */
    HttpResponse<String> postUnsigned(String contentType, String body) {
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a retry of an event, as Slack marks them. */
    HttpResponse<String> retry(String json, int retryNum) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signer.sign(timestamp, bytes))
                .header("X-Slack-Retry-Num", Integer.toString(retryNum)).header("X-Slack-Retry-Reason", "http_timeout")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the app did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("the app answered " + response.statusCode() + ": " + response.body());
        }
    }
}
