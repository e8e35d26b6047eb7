package com.disputeassistant.slack;

import static com.disputeassistant.slack.FakeSlackApi.JSON;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Slack Socket Mode endpoint on a loopback port: says hello to the app's connection, sends it
 * envelopes (events, slash commands, interactions) and records the acks it sends back. Also the
 * {@link SlackTransport} of the Socket Mode tests.
 */
final class FakeSocketModeServer extends WebSocketServer implements SlackTransport {
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<String> acks = new CopyOnWriteArrayList<>();
    private final AtomicLong envelopes = new AtomicLong();
    private volatile WebSocket app;

    FakeSocketModeServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    String url() {
        awaitLatch(started, "the fake Socket Mode server to start");
        return "ws://127.0.0.1:" + getPort() + "/link";
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        app = connection;
        connection.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                + "\"connection_info\":{\"app_id\":\"A01\"}}");
        connected.countDown();
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        JsonNode ack = JSON.readTree(message);
        if (ack.has("envelope_id")) {
            acks.add(ack.path("envelope_id").asString());
        }
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket connection, Exception e) {
    }

    /** Sends one envelope; returns its id. */
    String send(String type, String payloadJson, int retryAttempt) {
        awaitLatch(connected, "the app to open its Socket Mode connection");
        String id = "env-" + envelopes.incrementAndGet();
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", id).put("type", type)
                .put("accepts_response_payload", !type.equals("events_api")).put("retry_attempt", retryAttempt)
                .put("retry_reason", retryAttempt == 0 ? "" : "timeout");
        envelope.set("payload", JSON.readTree(payloadJson));
        app.send(JSON.writeValueAsString(envelope));
        return id;
    }

    /** Waits until the app acked the envelope. */
    void awaitAck(String envelopeId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!acks.contains(envelopeId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the app never acked " + envelopeId + "; acks: " + acks);
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void event(String json) {
        awaitAck(send("events_api", json, 0));
    }

    @Override
    public void command(Map<String, String> fields) {
        awaitAck(send("slash_commands", JSON.writeValueAsString(fields), 0));
    }

    @Override
    public void interaction(String json) {
        awaitAck(send("interactive", json, 0));
    }

    private static void awaitLatch(CountDownLatch latch, String what) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
