package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's side of the console over real HTTP, without a browser: the session cookie by hand (java.net
 * would not send a Secure cookie over http), and each form posted with the CSRF token of the page it is on.
 */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"requestId\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String cookie;

    ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> page = get("/console/login");
        return post("/console/login", page.body(), Map.of("username", username, "password", password));
    }

    /** The session cookie this client sends now ({@code JSESSIONID=...}), or null before the first. */
    String cookie() {
        return cookie;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        remember(response);
        return response;
    }

    /** The data of the first server-sent event at {@code path} (the version a page would start from); then hangs up. */
    String firstEvent(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = response.body()) {
                assertThat(response.statusCode()).as("the event stream's status").isEqualTo(200);
                return lines.filter(line -> line.startsWith("data:")).findFirst().orElseThrow().substring(5);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Posts a form with the CSRF token (and a fresh request id, if the form has one) of {@code page}. */
    HttpResponse<String> post(String path, String page, Map<String, String> fields) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        Matcher requestId = REQUEST_ID.matcher(page);
        String form = fields.entrySet().stream().map(f -> enc(f.getKey()) + "=" + enc(f.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + enc(token.group(1))
                + (requestId.find() && !fields.containsKey("requestId") ? "&requestId=" + enc(requestId.group(1)) : "");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        remember(response);
        return response;
    }

    private void remember(HttpResponse<?> response) {
        response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return PlaygroundParty.call(http, request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
