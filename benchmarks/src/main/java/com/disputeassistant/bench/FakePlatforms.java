package com.disputeassistant.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Slack Web API ({@code /api/METHOD}) and the Telegram Bot API ({@code /botTOKEN/METHOD}) on one
 * loopback port, answering what the app calls with a plausible success, and telling the watch of each
 * platform when the app posts a message to a chat ({@code chat.postMessage}, {@code sendMessage}).
 */
final class FakePlatforms implements AutoCloseable {
    static final String SLACK_TEAM = "T01BENCH";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final AtomicLong sequence = new AtomicLong(1);
    private final ReplyWatch slack;
    private final ReplyWatch telegram;

    FakePlatforms(ReplyWatch slack, ReplyWatch telegram) {
        this.slack = slack;
        this.telegram = telegram;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback port for the fake platforms", e);
        }
        server.createContext("/api/", this::slack);
        server.createContext("/", this::telegram);
        server.setExecutor(threads);
        server.start();
    }

    String slackUrl() {
        return base() + "/api/";
    }

    String telegramUrl() {
        return base();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void slack(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer = switch (method) {
                case "auth.test" -> "{\"ok\":true,\"url\":\"https://bench.slack.invalid/\",\"team\":\"Bench\","
                        + "\"user\":\"bot\",\"team_id\":\"" + SLACK_TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
                case "chat.postMessage" -> {
                    String channel = parameter(exchange, body, "channel");
                    slack.replied(channel);
                    yield "{\"ok\":true,\"channel\":\"D" + channel + "\",\"ts\":\"1700000000." + sequence.incrementAndGet()
                            + "\"}";
                }
                case "users.info" -> "{\"ok\":false,\"error\":\"user_not_found\"}";
                default -> "{\"ok\":true}";
            };
            reply(exchange, answer);
        }
    }

    private void telegram(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String result = switch (method) {
                case "getme" -> "{\"id\":123456,\"is_bot\":true,\"first_name\":\"Dispute Assistant\","
                        + "\"username\":\"BenchDisputeBot\"}";
                case "sendmessage" -> {
                    String chat = parameter(exchange, body, "chat_id");
                    telegram.replied(chat);
                    yield "{\"message_id\":" + sequence.incrementAndGet() + ",\"date\":1790000000,\"chat\":{\"id\":"
                            + chat + ",\"type\":\"private\"},\"text\":\"\"}";
                }
                default -> "true";
            };
            reply(exchange, "{\"ok\":true,\"result\":" + result + "}");
        }
    }

    /** A parameter of a call, sent as JSON or as a form, whichever the client chose. */
    private static String parameter(HttpExchange exchange, String body, String name) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            JsonNode value = JSON.readTree(body).path(name);
            return value.isMissingNode() ? "" : value.asString();
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
