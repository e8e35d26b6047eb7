package com.disputeassistant.slack.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.SendFailure;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the sender classifies Slack's answers, against a loopback server that answers as told. */
class SlackSenderTest {
    private static final OutboxEntry ENTRY = new OutboxEntry("U1", "{\"channel\":\"U1\",\"text\":\"hi\"}");

    private HttpServer server;
    private final AtomicReference<Answer> next = new AtomicReference<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private SlackSender sender;

    private record Answer(int status, String retryAfter, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/chat.postMessage", exchange -> {
            try (exchange) {
                received.set(exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Answer answer = next.get();
                if (answer.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        sender = new SlackSender("http://127.0.0.1:" + server.getAddress().getPort() + "/api/", "xoxb-1");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SendFailure failureFor(int status, String retryAfter, String body) {
        next.set(new Answer(status, retryAfter, body));
        return catchThrowableOfType(SendFailure.class, () -> sender.send(ENTRY));
    }

    @Test
    void postsThePayloadWithTheBotToken() {
        next.set(new Answer(200, null, "{\"ok\":true,\"ts\":\"1.2\"}"));

        assertThatNoException().isThrownBy(() -> sender.send(ENTRY));
        assertThat(received.get()).isEqualTo("Bearer xoxb-1 " + ENTRY.payload());
    }

    @Test
    void a429WaitsItsRetryAfter() {
        SendFailure failure = failureFor(429, "7", "{\"ok\":false,\"error\":\"ratelimited\"}");

        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.RETRY_AFTER);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void serverErrorsAndSlacksTryAgainErrorsAreTransient() {
        assertThat(failureFor(503, null, "busy").kind()).isEqualTo(SendFailure.Kind.TRANSIENT);
        assertThat(failureFor(200, null, "{\"ok\":false,\"error\":\"internal_error\"}").kind())
                .isEqualTo(SendFailure.Kind.TRANSIENT);
    }

    @Test
    void errorsThatWillNeverSucceedArePermanent() {
        SendFailure notFound = failureFor(200, null, "{\"ok\":false,\"error\":\"channel_not_found\"}");

        assertThat(notFound.kind()).isEqualTo(SendFailure.Kind.PERMANENT);
        assertThat(notFound.getMessage()).contains("channel_not_found");
        assertThat(failureFor(200, null, "{\"ok\":false,\"error\":\"not_in_channel\"}").kind())
                .isEqualTo(SendFailure.Kind.PERMANENT);
        assertThat(failureFor(403, null, "forbidden").kind()).isEqualTo(SendFailure.Kind.PERMANENT);
    }

    @Test
    void anUnreachableSlackIsTransient() {
        server.stop(0);

        SendFailure failure = catchThrowableOfType(SendFailure.class, () -> sender.send(ENTRY));

        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.TRANSIENT);
    }
}
