package com.disputeassistant.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.web.EveryEndpoint;
import com.disputeassistant.testing.PrometheusText;
import com.disputeassistant.testing.ReadmeBlock;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The application with every channel on, as Prometheus and Grafana see it. Requests that cannot be from Slack or Telegram (no signature, a forged one, a missing or wrong webhook
 * secret) are refused and show in {@code dispute_inbound_refused_total} by channel, read from the
 * application's own {@code /actuator/prometheus}; so do both channels' outbox meters. Slack runs in HTTP
 * mode and Telegram in webhook mode, against fakes on loopback.
 */
class EveryChannelMetricsIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final Pattern METER = Pattern.compile("\\bdispute_[a-z0-9_]+\\b");
    private static EveryEndpoint endpoints;
    private static ConfigurableApplicationContext app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        endpoints = new EveryEndpoint(RedisTestSupport.redisUrl(), PREFIX);
        app = endpoints.app;
    }

    @AfterAll
    static void stop() throws Exception {
        endpoints.close();
    }

    @Test
    void forgedSlackAndTelegramRequestsAreRefusedAndCounted() throws Exception {
        PrometheusText before = scrape();
        assertThat(before.value("dispute_inbound_refused_total", "channel", "slack")).isZero();
        assertThat(before.value("dispute_inbound_refused_total", "channel", "telegram")).isZero();

        String body = "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"user\":\"UMALLORY\",\"text\":\"hi\"}}";
        String now = Long.toString(Instant.now().getEpochSecond());
        assertThat(post("/slack/events", body, Map.of("X-Slack-Request-Timestamp", now,
                "X-Slack-Signature", "v0=" + "ab".repeat(32)))).as("a forged signature").isEqualTo(401);
        assertThat(post("/slack/events", body, Map.of())).as("no signature").isEqualTo(401);
        assertThat(post("/telegram/webhook", "{\"update_id\":1}", Map.of())).as("no secret").isEqualTo(401);
        assertThat(post("/telegram/webhook", "{\"update_id\":1}",
                Map.of("X-Telegram-Bot-Api-Secret-Token", "guessed"))).as("a wrong secret").isEqualTo(403);

        PrometheusText after = scrape();
        assertThat(after.value("dispute_inbound_refused_total", "channel", "slack")).isEqualTo(2);
        assertThat(after.value("dispute_inbound_refused_total", "channel", "telegram")).isEqualTo(2);
        assertThat(after.value("dispute_inbound_updates_total", "channel", "telegram", "via", "webhook"))
                .as("nothing refused reached the bot").isZero();
        assertThat(after.value("dispute_inbound_updates_total", "channel", "slack", "via", "events")).isZero();
        for (String channel : new String[] {"slack", "slack-inbound", "telegram"}) {
            assertThat(after.value("dispute_outbox_waiting", "channel", channel)).as(channel).isZero();
            assertThat(after.value("dispute_outbox_dead_letters_total", "channel", channel)).as(channel).isZero();
        }
    }

    /**
     * Every query of the Grafana dashboard and of the Prometheus alerts names a meter this application
     * exports (with Slack, Telegram and a turn behind it, so that every meter exists).
     */
    @Test
    void everyQueryOfTheDashboardAndTheAlertsNamesAMeterTheAppExports() throws Exception {
        assertThat(post("/api/messages", "{\"as\":\"web:alice\",\"text\":\"menu\"}", Map.of())).isEqualTo(200);
        Set<String> exported = scrape().names();

        JsonNode dashboard = JsonMapper.shared().readTree(
                Files.readString(ReadmeBlock.repositoryRoot().resolve("ops/grafana/dashboards/dispute-assistant.json")));
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asString())));
        JsonNode alerts = new YAMLMapper().readTree(
                Files.readString(ReadmeBlock.repositoryRoot().resolve("ops/prometheus/alerts.yml")));
        alerts.path("groups").forEach(group -> group.path("rules").forEach(rule -> queries.add(rule.path("expr").asString())));

        assertThat(dashboard.path("uid").asString()).isEqualTo("dispute-assistant");
        assertThat(queries).hasSizeGreaterThan(20).allSatisfy(query -> {
            Matcher meter = METER.matcher(query);
            assertThat(meter.find()).as("%s names a meter", query).isTrue();
            do {
                assertThat(exported).as("the meter %s of the query %s", meter.group(), query).contains(meter.group());
            } while (meter.find());
        });
    }

    private int post(String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("local.server.port") + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private PrometheusText scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port("local.management.port") + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private static int port(String property) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty(property));
    }
}
