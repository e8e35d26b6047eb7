package com.disputeassistant.app.web;

import com.disputeassistant.app.RunningApp;
import com.disputeassistant.slack.FakeSlackApi;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The whole application with every endpoint on (playground, console, marketplace API with a key, Slack in
 * HTTP mode and Telegram in webhook mode against fakes on loopback, the management port), and raw HTTP to
 * it: a socket writes the request as given, so that requests no HTTP client would send can be sent.
 */
public final class EveryEndpoint implements AutoCloseable {
    static final String SIGNING_SECRET = "the-real-signing-secret";
    static final String WEBHOOK_SECRET = "webhook-secret-of-the-test";
    static final String API_KEY = "da_" + "7a".repeat(32);
    static final String CONSOLE_PASSWORD = "a console password";

    private final FakeBotApi telegram = new FakeBotApi();
    private final FakeSlackApi slack = new FakeSlackApi();
    private final String prefix;
    public final ConfigurableApplicationContext app;
    final int port;
    final int managementPort;

    /** Starts the app against this Redis, its keys under {@code prefix}. */
    public EveryEndpoint(String redisUrl, String prefix) {
        this.prefix = prefix;
        app = RunningApp.start(Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("management.server.port", "0"),
                Map.entry("dispute.redis.url", redisUrl),
                Map.entry("dispute.playground.enabled", "true"),
                Map.entry("dispute.redis.key-prefix", prefix),
                Map.entry("dispute.api.keys", "fuzz:" + sha256Hex(API_KEY)),
                Map.entry("dispute.telegram.bot-token", FakeBotApi.TOKEN),
                Map.entry("dispute.telegram.api-url", telegram.url()),
                Map.entry("dispute.telegram.webhook-url", "https://bot.example.org/telegram/webhook"),
                Map.entry("dispute.telegram.webhook-secret", WEBHOOK_SECRET),
                Map.entry("dispute.slack.bot-token", "xoxb-test"),
                Map.entry("dispute.slack.app-token", ""),
                Map.entry("dispute.slack.signing-secret", SIGNING_SECRET),
                Map.entry("dispute.slack.api-url", slack.url()),
                Map.entry("dispute.console.accounts[0].username", "maria"),
                Map.entry("dispute.console.accounts[0].password-hash",
                        "{bcrypt}" + new BCryptPasswordEncoder(4).encode(CONSOLE_PASSWORD)),
                Map.entry("dispute.console.accounts[0].role", "mediator"),
                Map.entry("dispute.console.accounts[0].identities", "web:maria")));
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        managementPort = Integer.parseInt(app.getEnvironment().getProperty("local.management.port"));
    }

    FakeSlackApi slack() {
        return slack;
    }

    /** An answer: its status, headers as sent (lower-case names) and body. */
    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        boolean isJsonError() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/json") && body.startsWith("{\"error\":");
        }
    }

    /** Sends a request as is (it must ask to close the connection) and reads the answer; status 0: none. */
    static Answer raw(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server may answer and close before it read all of a large body: read what it said.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0 && answer.size() < 1 << 20; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // A reset after the answer: keep what arrived.
            }
            return parse(answer.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the app did not take the connection", e);
        }
    }

    private static Answer parse(String text) {
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Answer(0, text, "");
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(new Answer(0, head, "").header("Transfer-Encoding"))) {
            body = unchunk(body);
        }
        return new Answer(Integer.parseInt(text.substring(9, 12)), head, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = chunked.substring(at, lineEnd).split(";")[0].trim();
            int size = sizeLine.matches("[0-9a-fA-F]{1,7}") ? Integer.parseInt(sizeLine, 16) : 0;
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    /** A request with a Content-Length body (or none, for null) to the app's public port. */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        return raw(port, request(method, target, headers, body));
    }

    Answer send(String method, String target, Map<String, String> headers, String body) {
        return send(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null && !headers.containsKey("Transfer-Encoding")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + (body == null ? 0 : body.length)];
        System.arraycopy(start, 0, all, 0, start.length);
        if (body != null) {
            System.arraycopy(body, 0, all, start.length, body.length);
        }
        return all;
    }

    /** Signs in to the console as maria, for requests with the session's cookie ({@code JSESSIONID=...}). */
    Console consoleSession() {
        Answer page = send("GET", "/console/login", Map.of(), (String) null);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        String cookie = page.header("Set-Cookie");
        if (!csrf.find() || cookie == null) {
            throw new AssertionError("no sign-in form: " + page.head());
        }
        String session = cookie.split(";", 2)[0];
        Answer signedIn = send("POST", "/console/login", Map.of("Cookie", session,
                "Content-Type", "application/x-www-form-urlencoded"),
                "username=maria&password=" + CONSOLE_PASSWORD.replace(' ', '+') + "&_csrf=" + csrf.group(1));
        String renewed = signedIn.header("Set-Cookie");
        String signedInSession = renewed == null ? session : renewed.split(";", 2)[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(send("GET", "/console", Map.of("Cookie", signedInSession), (String) null).body());
        if (!token.find()) {
            throw new AssertionError("no form on the console's home page");
        }
        return new Console(signedInSession, token.group(1));
    }

    /** A signed-in console session: its cookie and a CSRF token for its forms. */
    record Console(String cookie, String csrf) {
    }

    /** Slack's signature headers for this body, signed now (or at {@code timestamp}). */
    static Map<String, String> slackSigned(String contentType, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return Map.of("Content-Type", contentType, "X-Slack-Request-Timestamp", timestamp,
                    "X-Slack-Signature", "v0=" + HexFormat.of().formatHex(mac.doFinal(body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        RunningApp.stop(app, prefix, telegram, slack);
    }
}
