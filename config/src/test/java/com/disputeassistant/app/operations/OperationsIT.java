package com.disputeassistant.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.DisputeAssistantApplication;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.testing.PrometheusText;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application as an operator meets it: the Prometheus text on the management port (and not on the
 * public one), the dispute and turn meters moving with a dispute opened through the playground's API, health
 * and readiness where load balancers and compose look, and JSON log lines that carry the turn's dispute id
 * and none of the configured secrets.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"LOG_FORMAT=ecs", "dispute.metrics.counts-max-age=0s",
                "dispute.telegram.link-secret=" + OperationsIT.LINK_SECRET})
class OperationsIT {
    static final String LINK_SECRET = "link-secret-that-must-never-be-logged-7f3a";
    private static final String PREFIX = RedisTestSupport.uniquePrefix();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("dispute.redis.url", RedisTestSupport::redisUrl);
        // REDIS_URL turns the playground off; the test opens its dispute through it.
        registry.add("dispute.playground.enabled", () -> "true");
        registry.add("dispute.redis.key-prefix", () -> PREFIX);
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
    void aDisputeOpenedThroughThePlaygroundShowsInTheMetersOnTheManagementPortOnly() throws Exception {
        PrometheusText before = scrape();
        assertThat(before.value("dispute_open", "step", "intake")).isZero();

        post("{\"as\":\"web:alice\",\"text\":\"menu\"}");
        post("{\"as\":\"web:alice\",\"option\":\"open:ORD-1001\"}");

        PrometheusText after = scrape();
        assertThat(after.value("dispute_turns_total", "channel", "web", "result", "refused")).isEqualTo(1);
        assertThat(after.value("dispute_turns_total", "channel", "web", "result", "applied")).isEqualTo(1);
        assertThat(after.value("dispute_turn_duration_seconds_count", "channel", "web")).isEqualTo(2);
        assertThat(after.value("dispute_open", "step", "intake")).isEqualTo(1);
        assertThat(after.value("dispute_handoffs_waiting")).isZero();
        assertThat(after.value("dispute_timers_fired_total", "result", "fired")).as("the timers are metered").isZero();
        assertThat(after.names()).as("no Slack or Telegram here, so no outbox")
                .noneMatch(name -> name.startsWith("dispute_outbox_"));

        assertThat(get(port, "/actuator/prometheus").statusCode()).as("never on the public port").isEqualTo(404);
        assertThat(get(port, "/actuator/health").statusCode()).as("the actuator is not on the public port").isEqualTo(404);
        assertThat(get(port, "/readyz").statusCode()).as("compose's healthcheck").isEqualTo(200);
        assertThat(get(port, "/readyz").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(managementPort(), "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void aTurnsJsonLogLineCarriesItsDisputeIdAndNoSecret(CapturedOutput output) throws Exception {
        post("{\"as\":\"web:alice\",\"option\":\"open:ORD-1001\"}");
        post("{\"as\":\"web:alice\",\"text\":\"human\"}");
        DisputeId dispute = context.getBean(DisputeStore.class).openDisputesOf(new PersonId("alice")).get(0);

        List<Map<String, String>> turnLines = output.getOut().lines()
                .filter(line -> line.startsWith("{"))
                .map(OperationsIT::flatten)
                .filter(fields -> dispute.value().equals(fields.get("dispute.id")))
                .toList();
        assertThat(turnLines).as("the opening and the hand-off are logged").hasSizeGreaterThanOrEqualTo(2);
        assertThat(turnLines).allSatisfy(fields ->
                assertThat(fields).containsEntry("channel", "web").containsEntry("person", "web:alice"));
        assertThat(turnLines).anySatisfy(fields -> assertThat(fields.get("message")).contains("opened about order ORD-1001"));
        assertThat(turnLines).anySatisfy(fields -> assertThat(fields.get("message")).contains("to MEDIATION"));
        assertThat(output.getAll()).doesNotContain(LINK_SECRET);
    }

    /** Every field of a JSON line, nested objects joined with dots ({@code {"a":{"b":1}}} gives {@code a.b}). */
    private static Map<String, String> flatten(String line) {
        Map<String, String> fields = new HashMap<>();
        flatten("", JsonMapper.shared().readTree(line), fields);
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> fields) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), fields));
        } else {
            fields.put(path, node.isValueNode() ? node.asString() : node.toString());
        }
    }

    private PrometheusText scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(managementPort(), "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private int managementPort() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    private void post(String json) throws IOException, InterruptedException {
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }

    private HttpResponse<String> get(int onPort, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
