package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application as deployed (REDIS_URL set, nothing said about the playground), over real HTTP:
 * the playground does not exist, the console signs staff in with cookies that carry the secure flags,
 * the health details are on the management port only and never show a path on disk, and the platforms'
 * webhook paths are not caught by the console's chain.
 */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsoleAndHealthIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final String PASSWORD = "a console password";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        registry.add("dispute.redis.url", RedisTestSupport::redisUrl);
        registry.add("dispute.redis.key-prefix", () -> PREFIX);
        registry.add("dispute.console.accounts[0].username", () -> "maria");
        registry.add("dispute.console.accounts[0].password-hash", () -> hash);
        registry.add("dispute.console.accounts[0].role", () -> "mediator");
        registry.add("dispute.console.accounts[0].identities", () -> "web:maria");
        registry.add("dispute.console.accounts[1].username", () -> "omar");
        registry.add("dispute.console.accounts[1].password-hash", () -> hash);
        registry.add("dispute.console.accounts[1].role", () -> "supervisor");
        registry.add("dispute.console.accounts[1].identities", () -> "web:omar");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void deleteWhatTheTestWrote() {
        RedisTestSupport.deleteKeys(context.getBean(UnifiedJedis.class), PREFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/playground.js", "/api/people", "/api/inbox?as=web:maria",
            "/api/disputes/waiting-for-mediator"})
    void thePlaygroundIsOffAndItsPagesDoNotExist(String path) throws Exception {
        assertThat(send(get(path)).statusCode()).isEqualTo(404);
    }

    @Test
    void actingAsAMediatorThroughThePlaygroundApiDoesNotExist() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"as\":\"web:maria\",\"text\":\"/fee 300\"}")));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void theWebhookPathsAreNotTheConsolesToGuard() throws Exception {
        // Slack and Telegram are off here, so nothing serves these: 404, not a login redirect or a CSRF 403.
        for (String path : List.of("/slack/events", "/telegram/webhook")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theConsoleRedirectsStrangersToSignIn() throws Exception {
        HttpResponse<String> response = send(get("/console"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console/login"));
    }

    @Test
    void signingInGivesANewSessionCookieWithSecureFlags() {
        ConsoleClient maria = new ConsoleClient(port);
        maria.get("/console/login");
        String before = maria.cookie();

        HttpResponse<String> signedIn = maria.signIn("maria", PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console"));
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
        assertThat(maria.cookie()).isNotEqualTo(before);
        HttpResponse<String> console = maria.get("/console");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Signed in as maria");
    }

    @Test
    void healthDetailsAreOnTheManagementPortOnlyAndNameNoPath() throws Exception {
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(404);
        HttpResponse<String> ready = send(get("/readyz"));
        assertThat(JsonMapper.shared().readTree(ready.body()).has("components")).isFalse();

        int management = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
        HttpResponse<String> health = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management + "/actuator/health")).GET());
        JsonNode redis = JsonMapper.shared().readTree(health.body()).path("components").path("redis");
        assertThat(redis.path("details").path("server").asString()).isEqualTo("external (REDIS_URL)");
        assertThat(health.body()).doesNotContain(System.getProperty("user.dir"))
                .doesNotContain("\"/").doesNotContain("password");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
