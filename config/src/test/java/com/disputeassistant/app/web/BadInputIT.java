package com.disputeassistant.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.web.EveryEndpoint.Answer;
import com.disputeassistant.testing.RedisTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bad input, each case of issue 13 over real HTTP against the whole app: never a 500, the right 4xx, the
 * app's JSON error body (Tomcat's own errors included), and one log line without a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static EveryEndpoint app;

    @BeforeAll
    static void start() {
        app = new EveryEndpoint(RedisTestSupport.redisUrl(), PREFIX);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void aWildcardContentTypeIs415WithWhatToSend() {
        Answer answer = app.send("POST", "/api/messages", Map.of("Content-Type", "*/*"),
                "{\"as\":\"web:alice\",\"text\":\"menu\"}");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.isJsonError()).as(answer.body()).isTrue();
        assertThat(answer.body()).contains("Content-Type: application/json");
    }

    @Test
    void theErrorPageAskedForDirectlyIsAPageThatDoesNotExist() {
        Answer answer = app.send("GET", "/error", Map.of(), (String) null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isJsonError()).as(answer.body()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/telegram/webhook", "/api/messages", "/slack/events", "/api/v1/people/nora", "/console/login"})
    void aBodyOverTheCapIs413OnEveryEndpoint(String path) {
        Map<String, String> headers = Map.of("Content-Type", "application/json",
                "X-Telegram-Bot-Api-Secret-Token", EveryEndpoint.WEBHOOK_SECRET,
                "Authorization", "Bearer " + EveryEndpoint.API_KEY);
        byte[] tenMegabytes = new byte[10 << 20];
        Arrays.fill(tenMegabytes, (byte) ' ');

        Answer answer = app.send(path.equals("/api/v1/people/nora") ? "PUT" : "POST", path, headers, tenMegabytes);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isJsonError()).as(answer.body()).isTrue();
        assertThat(answer.body()).contains("larger than 1048576 bytes");
    }

    @Test
    void aChunkedBodyOverTheCapIs413Too() {
        StringBuilder chunked = new StringBuilder();
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            chunked.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunked.append("0\r\n\r\n");

        Answer answer = app.send("POST", "/api/messages", Map.of("Content-Type", "application/json",
                "Transfer-Encoding", "chunked"), chunked.toString());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isJsonError()).as(answer.body()).isTrue();
    }

    @Test
    void aSmallChunkedBodyStillArrives() {
        String message = "{\"as\":\"web:alice\",\"text\":\"menu\"}";
        String chunked = Integer.toHexString(message.length()) + "\r\n" + message + "\r\n0\r\n\r\n";

        Answer answer = app.send("POST", "/api/messages", Map.of("Content-Type", "application/json",
                "Transfer-Encoding", "chunked"), chunked);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000000000000000", "-9223372036854775808", "9223372036854775807"})
    void aSlackTimestampBeyondAnyTimeIs401EvenWhenSigned(String timestamp) {
        byte[] body = "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"user\":\"UX\",\"text\":\"hi\"}}"
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = app.send("POST", "/slack/events", EveryEndpoint.slackSigned("application/json", timestamp, body), body);

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void aSignedSlackEventWithoutAUserIsAcknowledgedNotRetried() {
        byte[] body = ("{\"type\":\"event_callback\",\"team_id\":\"T01TEST\",\"event_id\":\"EvNoUser\",\"event\":"
                + "{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"D1\",\"user\":\"\",\"text\":\"hi\","
                + "\"ts\":\"1.000001\"}}").getBytes(StandardCharsets.UTF_8);

        Answer answer = app.send("POST", "/slack/events", EveryEndpoint.slackSigned("application/json",
                EveryEndpoint.now(), body), body);

        assertThat(answer.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web:%00", "web:%01", "web:%E2%80%A8", "web:a%7F"})
    void anIdentityWithControlCharactersIs400(String as) {
        Answer inbox = app.send("GET", "/api/inbox?as=" + as, Map.of(), (String) null);
        String raw = java.net.URLDecoder.decode(as, StandardCharsets.UTF_8);
        Answer post = app.send("POST", "/api/messages", JSON, "{\"as\":\"" + jsonEscaped(raw) + "\",\"text\":\"hi\"}");

        for (Answer answer : new Answer[] {inbox, post}) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isJsonError()).as(answer.body()).isTrue();
            assertThat(answer.body()).contains("without spaces or control characters");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/inbox?as=%ff", "/api/inbox?as=%", "/api/inbox?as=%zz", "/api/people?x=%C3%28",
            "/console/login?error=%ff", "/api/v1/people?x=%ff"})
    void aBadlyEncodedQueryStringIs400WithTheJsonError(String target) {
        Answer answer = app.send("GET", target, Map.of(), (String) null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isJsonError()).as(answer.body()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/inbox%2Fx", "/api/%2e%2e/console", "/%c0%ae", "/api/inbox?as=" + "a"})
    void tomcatsOwnRefusalsAreTheJsonErrorNotAnHtmlPage(String target) {
        String full = target.endsWith("a") ? target + "a".repeat(20_000) : target;

        Answer answer = app.send("GET", full, Map.of(), (String) null);

        assertThat(answer.status()).as(full).isBetween(400, 499);
        assertThat(answer.isJsonError()).as(answer.head() + "\n" + answer.body()).isTrue();
        assertThat(answer.body()).doesNotContain("Tomcat").doesNotContain("<html");
    }

    @Test
    void everyUnknownPathOrMethodIsTheJsonError() {
        for (Answer answer : new Answer[] {
                app.send("GET", "/no/such/page", Map.of(), (String) null),
                app.send("DELETE", "/api/messages", Map.of(), (String) null),
                app.send("GET", "/telegram/webhook", Map.of(), (String) null),
                app.send("PATCH", "/slack/events", Map.of(), (String) null)}) {
            assertThat(answer.status()).isBetween(400, 499);
            assertThat(answer.isJsonError()).as(answer.head() + "\n" + answer.body()).isTrue();
        }
    }

    @Test
    void aRequestThatCannotBeParsedIsLoggedInOneLineWithoutAStackTrace(CapturedOutput output) {
        int before = output.getOut().length();

        app.send("GET", "/api/inbox?as=%ff", Map.of(), (String) null);
        app.send("GET", "/api/inbox%2Fx", Map.of(), (String) null);
        app.send("POST", "/api/messages", Map.of("Content-Type", "*/*"), "{}");
        app.send("POST", "/api/messages", JSON, "{\"as\":\"web:\\u0000\",\"text\":\"hi\"}");

        String logged = output.getOut().substring(before);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(logged.lines().filter(line -> line.contains("Refused") || line.contains("Tomcat answered")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return escaped.toString();
    }
}
