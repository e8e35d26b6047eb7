package com.disputeassistant.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.DisputeAssistantApplication;
import com.disputeassistant.app.api.ApiTestKeys.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;

/**
 * The API's per-key rate limit, then the API with its Redis gone: every authenticated call is answered 503
 * with Retry-After (never a 500), and a call without a key is still a 401. The app runs against a Redis of
 * its own, which the second test stops.
 */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketplaceApiWithoutRedisIT {
    private static final int REDIS_PORT = freePort();
    private static final RedisServer REDIS = start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("dispute.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
        registry.add("dispute.redis.key-prefix", () -> "test:noredis:");
        registry.add("dispute.api.keys", ApiTestKeys::setting);
        registry.add("dispute.api.requests-per-minute", () -> "3");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopRedis() throws IOException {
        if (REDIS.isActive()) {
            REDIS.stop();
        }
    }

    @Test
    @Order(1)
    void aKeyBeyondItsRequestsPerMinuteIs429WithRetryAfterAndOtherKeysGoOn() {
        Api ops = new Api(port, ApiTestKeys.OPS_KEY);
        for (int i = 0; i < 3; i++) {
            assertThat(ops.get("/api/v1/people/nobody").statusCode()).isEqualTo(404);
        }
        HttpResponse<String> limited = ops.put("/api/v1/people/nora", "{\"name\":\"Nora\",\"identities\":[\"web:nora\"]}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(limited.body()).contains("too many requests");
        assertThat(new Api(port, ApiTestKeys.SHOP_KEY).get("/api/v1/people/nora").statusCode()).as("not written, and shop's "
                + "own limit").isEqualTo(404);
    }

    @Test
    @Order(2)
    void everyCallIs503WithRetryAfterAndNothingIsA500() throws IOException {
        Api shop = new Api(port, ApiTestKeys.SHOP_KEY);
        assertThat(shop.put("/api/v1/people/nora", "{\"name\":\"Nora\",\"identities\":[\"web:nora\"]}").statusCode())
                .as("with Redis up").isEqualTo(201);

        REDIS.stop();

        for (HttpResponse<String> answer : new HttpResponse[] {
                shop.put("/api/v1/people/nora", "{\"name\":\"Nora B\",\"identities\":[\"web:nora\"]}"),
                shop.get("/api/v1/people/nora"),
                shop.delete("/api/v1/orders/ORD-1"),
                shop.put("/api/v1/orders/ORD-9", MarketplaceApiIT.order("alice", "bob", "\"1.00\"", "\"1.00\"")),
                shop.get("/api/v1/webhooks")}) {
            assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(answer.body()).contains("try again in a moment");
        }
        assertThat(new Api(port, null).get("/api/v1/people/nora").statusCode()).isEqualTo(401);
        assertThat(new Api(port, null).get("/api/v1/openapi.yaml").statusCode()).isEqualTo(200);
    }

    private static RedisServer start() {
        try {
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(REDIS_PORT)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
