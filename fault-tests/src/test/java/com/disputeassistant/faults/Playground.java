package com.disputeassistant.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playground's JSON API of one app instance, as the load uses it: every call answers its HTTP status
 * (or {@link #NO_ANSWER} when the connection failed or timed out) instead of throwing, so that faults are
 * counted, not fatal.
 */
final class Playground {
    static final int NO_ANSWER = -1;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AppProcess app;

    /** The playground of this instance, on whatever port it has now (a restart may have moved it). */
    Playground(AppProcess app) {
        this.app = app;
    }

    private String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** A message on one person's screen: its text and the buttons under it (id, label). */
    record Message(String text, List<Option> options) {
    }

    record Option(String id, String label) {
    }

    int says(String as, String text) {
        return post(JsonNodeFactory.instance.objectNode().put("as", as).put("text", text));
    }

    int presses(String as, String optionId) {
        return post(JsonNodeFactory.instance.objectNode().put("as", as).put("option", optionId));
    }

    /** Presses the newest button whose label starts with {@code label}; fails the test when there is none. */
    int pressesLabel(String as, String label) {
        return presses(as, newestOption(as, label).orElseThrow(() -> new AssertionError(as + " has no button '"
                + label + "' in " + inbox(as).stream().map(Message::text).toList())).id());
    }

    Optional<Option> newestOption(String as, String label) {
        List<Message> messages = inbox(as);
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (Option option : messages.get(i).options()) {
                if (option.label().startsWith(label)) {
                    return Optional.of(option);
                }
            }
        }
        return Optional.empty();
    }

    /** Everything the person got, oldest first; fails the test when the app does not answer. */
    List<Message> inbox(String as) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/inbox?as=" + URLEncoder.encode(as,
                StandardCharsets.UTF_8))).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("inbox of " + as + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("inbox of " + as + ": " + response.statusCode() + " " + response.body());
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : JsonMapper.shared().readTree(response.body()).path("messages")) {
            List<Option> options = new ArrayList<>();
            message.path("options").forEach(o -> options.add(new Option(o.path("id").asString(), o.path("label").asString())));
            messages.add(new Message(message.path("text").asString(), options));
        }
        return messages;
    }

    /** How many of the person's messages contain {@code marker}. */
    long count(String as, String marker) {
        return inbox(as).stream().filter(m -> m.text().contains(marker)).count();
    }

    private int post(ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/messages")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }
}
