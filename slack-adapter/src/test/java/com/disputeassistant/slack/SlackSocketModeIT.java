package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.testing.RedisTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Slack channel in Socket Mode: the app opens the WebSocket that {@code apps.connections.open}
 * names (a fake on a loopback port), and the same handlers as in HTTP mode answer the envelopes sent
 * over it, each acked.
 */
// Closed after the class, so its outbox sender and socket stop with it.
@DirtiesContext
@SpringBootTest(classes = SlackTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SlackSocketModeIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final FakeSlackApi API = new FakeSlackApi();
    private static final FakeSocketModeServer SOCKET = new FakeSocketModeServer();

    static {
        SOCKET.start();
        API.socketUrl(SOCKET.url());
        API.user("UDAN", "dan@example.org");
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry properties) {
        SlackTestApplication.slackProperties(properties, PREFIX, API);
        properties.add("dispute.slack.app-token", () -> "xapp-test");
    }

    @AfterAll
    static void cleanUp() throws InterruptedException {
        SOCKET.stop(1000);
        SlackTestApplication.cleanUp(PREFIX, API);
    }

    @Test
    void theSlashCommandButtonsAndRetriedEventsWorkOverTheSocketAndApplyOnce() {
        SlackUser carol = new SlackUser("UCAROL", SOCKET, API);
        SlackUser dan = new SlackUser("UDAN", SOCKET, API);
        dan.says("hello");
        dan.received("What would you like to do?");
        carol.runsDispute().presses("Dispute ORD-2");
        carol.presses("Not delivered / late");
        carol.says("Chapters 3 and 4 are missing");
        dan.received("Chapters 3 and 4 are missing");

        String event = SlackPayloads.dm("EvSocket", dan.id, SlackPayloads.nextTs(), "Are you there?");
        for (int attempt = 0; attempt <= 3; attempt++) {
            SOCKET.awaitAck(SOCKET.send("events_api", event, attempt));
        }
        dan.says("Second message");
        carol.received("Second message");

        assertThat(API.calls("chat.postMessage").stream()
                .filter(c -> c.param("channel").equals(carol.id) && c.param("text").contains("Are you there?")))
                .hasSize(1);
        assertThat(API.calls("apps.connections.open")).isNotEmpty();
    }
}
