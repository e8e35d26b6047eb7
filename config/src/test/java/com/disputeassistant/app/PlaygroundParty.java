package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A marketplace person who talks to the bot through the playground's JSON API (on a developer's machine):
 * says something, or presses a button of the bot's latest messages by its label, and reads what they got.
 */
final class PlaygroundParty {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String identity;

    PlaygroundParty(int port, String identity) {
        this.base = "http://127.0.0.1:" + port;
        this.identity = identity;
    }

    PlaygroundParty says(String text) {
        post(JsonNodeFactory.instance.objectNode().put("as", identity).put("text", text));
        return this;
    }

    /** Presses the newest button with this label (or this label followed by a colon and more). */
    PlaygroundParty presses(String label) {
        List<JsonNode> messages = inbox();
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (JsonNode option : messages.get(i).path("options")) {
                if (option.path("label").asString().equals(label) || option.path("label").asString().startsWith(label + ":")) {
                    post(JsonNodeFactory.instance.objectNode().put("as", identity).put("option", option.path("id").asString()));
                    return this;
                }
            }
        }
        throw new AssertionError(identity + " has no button '" + label + "' in " + texts());
    }

    /** Attaches a file as the playground's "Attach a file" button does, with a new message id; the app must take it. */
    PlaygroundParty attaches(String name, String type, byte[] bytes, String caption) {
        HttpResponse<String> response = send(upload(base, identity, java.util.UUID.randomUUID().toString(), name, type,
                bytes, caption));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return this;
    }

    /** The playground's upload: the raw bytes, their type, and the name and caption percent-encoded in headers. */
    static HttpRequest upload(String base, String as, String messageId, String name, String type, byte[] bytes,
                              String caption) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/evidence?as="
                        + URLEncoder.encode(as, StandardCharsets.UTF_8) + "&messageId=" + messageId))
                .header("Content-Type", type).header("X-File-Name", headerValue(name))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (caption != null) {
            request.header("X-Caption", headerValue(caption));
        }
        return request.build();
    }

    private static String headerValue(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every text the bot sent this person, oldest first. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : inbox()) {
            texts.add(message.path("text").asString());
        }
        return texts;
    }

    private List<JsonNode> inbox() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/inbox?as="
                + URLEncoder.encode(identity, StandardCharsets.UTF_8))).GET().build());
        List<JsonNode> messages = new ArrayList<>();
        JsonMapper.shared().readTree(response.body()).path("messages").forEach(messages::add);
        return messages;
    }

    private void post(ObjectNode body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return call(http, request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request; a failure to reach the app fails the test. */
    static <T> HttpResponse<T> call(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Alice (client) and Bob (expert) open a dispute about ORD-1001 (paid 1200.00 EUR), confirm the terms,
     * Alice lists one task, Bob says it is outside the terms and accepts the rest: the dispute waits in the mediators' queue.
     */
    static void handToAMediator(PlaygroundParty alice, PlaygroundParty bob) {
        alice.says("menu").presses("Dispute ORD-1001").presses("Delivered, not acceptable");
        alice.says("Chapters 4 and 5 were not edited at all").presses("Escalate");
        alice.presses("These terms apply");
        bob.presses("These terms apply");
        alice.says("Line-edit chapters 4 and 5").presses("The list is complete");
        bob.presses("#1 is outside the terms").presses("Accept the list");
    }
}
