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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
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

    /** Wraps fetch: the first answer to a posted message is lost after the server got it. */
    private static final String LOSE_FIRST_ANSWER = """
            window.posted = [];
            const realFetch = window.fetch;
            let lost = false;
            window.fetch = async (path, options) => {
              const response = await realFetch(path, options);
              if (path === '/api/messages' && options && options.method === 'POST') {
                window.posted.push(JSON.parse(options.body));
                if (!lost) {
                  lost = true;
                  throw new TypeError('the answer was lost');
                }
              }
              return response;
            };
            """;

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

    @Test
    void aMessageWhoseAnswerWasLostIsSentAgainByThePageWithItsIdAndAppliedOnce() {
        WebDriver browser = Chromium.start();
        try {
            sendMenuWithTheFirstAnswerLost(browser);
        } finally {
            browser.quit();
        }
    }

    /** In a real headless Chromium (skipped, with the reason, where it is not installed). */
    @SuppressWarnings("unchecked")
    private void sendMenuWithTheFirstAnswerLost(WebDriver browser) {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(b -> b.findElement(By.id("pane-1-identity")).isDisplayed());
        // The marketplace may be gone (each test deletes what the app wrote): offer the identity anyway.
        ((JavascriptExecutor) browser).executeScript("const picker = document.getElementById('pane-1-identity');"
                + "if (![...picker.options].some((o) => o.value === 'web:alice')) picker.add(new Option('Alice', 'web:alice'));");
        new Select(browser.findElement(By.id("pane-1-identity"))).selectByValue("web:alice");
        ((JavascriptExecutor) browser).executeScript(LOSE_FIRST_ANSWER);

        browser.findElement(By.id("pane-1-message")).sendKeys("menu", Keys.ENTER);

        wait.until(b -> ((List<?>) ((JavascriptExecutor) b).executeScript("return window.posted")).size() >= 2);
        List<Map<String, Object>> posted = (List<Map<String, Object>>) ((JavascriptExecutor) browser)
                .executeScript("return window.posted");
        assertThat(posted).hasSize(2);
        assertThat(posted.get(0).get("messageId")).as("a message id").isNotNull().isEqualTo(posted.get(1).get("messageId"));
        assertThat(posted.get(0).get("text")).isEqualTo("menu");
        // Both attempts were answered: the second found the message applied and added nothing.
        assertThat(new PlaygroundParty(port, "web:alice").texts()).as("answers to the one message").hasSize(1);
        wait.until(b -> b.findElement(By.id("pane-1-message")).isEnabled());
        assertThat(browser.findElement(By.id("panes")).getText()).doesNotContain("cannot reach the server");
    }
}
