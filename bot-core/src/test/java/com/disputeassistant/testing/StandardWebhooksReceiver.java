package com.disputeassistant.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a loopback port, as a marketplace would write one from the Standard Webhooks
 * specification (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md),
 * deliberately without any of the app's code: the signed content is {@code id.timestamp.body}, the key is
 * the base64 after {@code whsec_}, the header holds space-separated {@code v1,<base64>} signatures of
 * which one must match (compared in constant time), and the timestamp must be within five minutes.
 *
 * <p>It records every request with whether it verified, and answers with the next scripted
 * {@link Answer} (a status, optionally after a delay), then 200 when the script is used up. A request
 * that does not verify is answered 400.
 */
public final class StandardWebhooksReceiver implements AutoCloseable {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One request as received. */
    public record Received(String id, String timestamp, String signatures, String body, boolean verified) {
    }

    /** How to answer one request: a status, after waiting {@code delay}. */
    public record Answer(int status, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }

        public static Answer after(Duration delay, int status) {
            return new Answer(status, delay);
        }
    }

    private final String secret;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int afterScript = 200;

    public StandardWebhooksReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    /** Answers the next requests with these, in order. */
    public StandardWebhooksReceiver answers(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** What to answer once the script is used up (200 unless set). */
    public StandardWebhooksReceiver thenAlways(int status) {
        afterScript = status;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean verified = verify(id, timestamp, signatures, body);
            received.add(new Received(id, timestamp, signatures, body, verified));
            Answer answer = script.poll();
            if (answer != null && !answer.delay().isZero()) {
                try {
                    stopped.await(answer.delay().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = !verified ? 400 : answer != null ? answer.status() : afterScript;
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private boolean verify(String id, String timestamp, String header, String body) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
        for (String signature : header.split(" ")) {
            int comma = signature.indexOf(',');
            if (comma > 0 && signature.substring(0, comma).equals("v1")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(signature.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
    }
}
