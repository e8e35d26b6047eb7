package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole application on a random port, against the tests' Redis (so no embedded Redis in ./data). */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DisputeAssistantApplicationIT {
    /** One prefix for the whole context, so that what the tests wrote can be deleted afterwards. */
    private static final String PREFIX = RedisTestSupport.uniquePrefix();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("dispute.redis.url", RedisTestSupport::redisUrl);
        registry.add("dispute.redis.key-prefix", () -> PREFIX);
        // REDIS_URL turns the playground off; this test runs on the developer's machine it is made for.
        registry.add("dispute.playground.enabled", () -> "true");
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

    @Test
    void wiresTheEngineToRedisTheMarketplaceAndTheChannels() {
        assertThat(context.getBean(DisputeStore.class)).isInstanceOf(RedisDisputeStore.class);
        assertThat(context.getBean(Marketplace.class).people()).isNotEmpty();
        assertThat(context.getBean(ProcedureSettings.class).mediators()).isNotEmpty();
        assertThat(context.getBeansOfType(ConversationEngine.class)).hasSize(1);
        assertThat(context.getBeansOfType(Delivery.class)).hasSize(1);
    }

    @Test
    void healthIsUpWithRedisDetails() throws Exception {
        // The actuator is on the management port (random in tests), never on the public one.
        int management = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.shared().readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode redis = health.path("components").path("redis");
        assertThat(redis.path("status").asString()).isEqualTo("UP");
        assertThat(redis.path("details").path("server").asString()).isEqualTo("external (REDIS_URL)");
        assertThat(redis.path("details").path("location").asString()).startsWith("redis");
    }

    @Test
    void servesThePlaygroundAndTakesAMessageThroughTheEngineToTheWebInbox() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dispute Assistant playground");

        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(uri("/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"as\":\"web:alice\",\"text\":\"hello\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);

        HttpResponse<String> inbox = get("/api/inbox?as=web:alice");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(inbox.body()).path("messages").size()).isPositive();
    }

    @Test
    void servesNoOtherActuatorEndpoint() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
