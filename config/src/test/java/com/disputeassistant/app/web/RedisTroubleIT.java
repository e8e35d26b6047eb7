package com.disputeassistant.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.web.EveryEndpoint.Answer;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis in trouble, for real: a redis-server of the test's own, out of memory ({@code maxmemory} tiny with
 * {@code noeviction}), turned into a read-only replica, and stopped. Every endpoint then answers 503 with
 * {@code Retry-After} and the JSON error (never a 500), readiness and health say DOWN, each outage is logged
 * once when it starts and once when it ends, and the app serves again by itself once Redis takes writes.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisTroubleIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final AtomicInteger SEQ = new AtomicInteger(1);
    private static int redisPort;
    private static RedisServer redis;
    private static RedisClient admin;
    private static EveryEndpoint app;
    private static EveryEndpoint.Console console;

    @BeforeAll
    static void start() throws IOException {
        redisPort = freePort();
        redis = redisOn(redisPort);
        redis.start();
        admin = RedisConnections.connect("redis://127.0.0.1:" + redisPort);
        app = new EveryEndpoint("redis://127.0.0.1:" + redisPort, PREFIX);
        console = app.consoleSession();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            app.close();
        } finally {
            admin.close();
            redis.stop();
        }
    }

    @Test
    @Order(1)
    void outOfMemoryWithNoEvictionIs503EverywhereAndHealthIsDown(CapturedOutput output) {
        assertThat(playground().status()).as("with Redis well").isEqualTo(200);
        admin.configSet("maxmemory-policy", "noeviction");
        admin.configSet("maxmemory", "1");

        everyEndpointAnswers503(false);

        admin.configSet("maxmemory", "0");
        servesAgainAndLoggedTheOutageOnce(output);
    }

    @Test
    @Order(2)
    void aReadOnlyReplicaIs503EverywhereAndHealthIsDown(CapturedOutput output) throws IOException {
        admin.sendCommand(Protocol.Command.REPLICAOF, "127.0.0.1", Integer.toString(freePort()));

        everyEndpointAnswers503(false);

        admin.sendCommand(Protocol.Command.REPLICAOF, "NO", "ONE");
        servesAgainAndLoggedTheOutageOnce(output);
    }

    @Test
    @Order(3)
    void redisAwayIs503EverywhereAndTheAppServesAgainWhenItIsBack(CapturedOutput output) throws IOException {
        redis.stop();

        everyEndpointAnswers503(true);

        redis = redisOn(redisPort);
        redis.start();
        servesAgainAndLoggedTheOutageOnce(output);
    }

    private void everyEndpointAnswers503(boolean away) {
        List<Answer> answers = new ArrayList<>(List.of(playground(), playground(), slackEvent(), telegramUpdate(),
                app.send("PUT", "/api/v1/people/nora", Map.of("Authorization", "Bearer " + EveryEndpoint.API_KEY,
                        "Content-Type", "application/json"), "{\"name\":\"Nora\",\"identities\":[\"web:nora\"]}")));
        if (away) {
            // The console's pages read Redis (a Redis out of memory or read-only still answers them).
            answers.add(app.send("GET", "/console", Map.of("Cookie", console.cookie()), (String) null));
        }
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).as(answer.head()).isEqualTo("5");
            assertThat(answer.isJsonError()).as(answer.body()).isTrue();
        }
        assertThat(app.send("GET", "/readyz", Map.of(), (String) null).status()).isEqualTo(503);
        Answer health = EveryEndpoint.raw(app.managementPort,
                EveryEndpoint.request("GET", "/actuator/health", Map.of(), null));
        assertThat(health.status()).isEqualTo(503);
        assertThat(JsonMapper.shared().readTree(health.body()).path("components").path("redis").path("status")
                .asString()).isEqualTo("DOWN");
    }

    private void servesAgainAndLoggedTheOutageOnce(CapturedOutput output) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status = playground().status();
            sleep();
        }
        assertThat(status).as("the app serves again by itself").isEqualTo(200);
        while (!output.getOut().contains("Redis takes writes again") && System.nanoTime() < deadline) {
            sleep();
        }
        String log = output.getOut();
        assertThat(count(log, "Redis is in trouble")).as("warnings when the outage started").isEqualTo(1);
        assertThat(count(log, "Redis takes writes again")).as("lines when it ended").isEqualTo(1);
        assertThat(log).doesNotContain("Unexpected failure answering");
        assertThat(app.send("GET", "/readyz", Map.of(), (String) null).status()).isEqualTo(200);
    }

    private static Answer playground() {
        return app.send("POST", "/api/messages", Map.of("Content-Type", "application/json"),
                "{\"as\":\"web:alice\",\"text\":\"menu\",\"messageId\":\"m-" + SEQ.incrementAndGet() + "\"}");
    }

    private static Answer slackEvent() {
        int n = SEQ.incrementAndGet();
        byte[] body = ("{\"type\":\"event_callback\",\"team_id\":\"T01TEST\",\"event_id\":\"Ev" + n + "\",\"event\":"
                + "{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"D1\",\"user\":\"UFUZZ\",\"text\":\"hi\","
                + "\"ts\":\"1." + n + "\"}}").getBytes(StandardCharsets.UTF_8);
        return app.send("POST", "/slack/events", EveryEndpoint.slackSigned("application/json", EveryEndpoint.now(), body),
                body);
    }

    private static Answer telegramUpdate() {
        int n = SEQ.incrementAndGet();
        return app.send("POST", "/telegram/webhook", Map.of("Content-Type", "application/json",
                "X-Telegram-Bot-Api-Secret-Token", EveryEndpoint.WEBHOOK_SECRET), "{\"update_id\":" + n
                + ",\"message\":{\"message_id\":" + n + ",\"date\":1700000000,\"chat\":{\"id\":4242,\"type\":\"private\"},"
                + "\"from\":{\"id\":4242,\"is_bot\":false,\"first_name\":\"Tess\"},\"text\":\"hi\"}}");
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static RedisServer redisOn(int port) {
        try {
            return RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
