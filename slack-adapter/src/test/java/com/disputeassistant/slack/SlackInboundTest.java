package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.store.RedisConnections;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class SlackInboundTest {

    @Test
    void anEventTheInboxCannotKeepIsNotAckedSoThatSlackSendsItAgain() throws Exception {
        try (FakeSlackApi api = new FakeSlackApi();
             UnifiedJedis redisDown = RedisConnections.connect("redis://127.0.0.1:" + closedPort())) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(api.url());
            Slack slack = Slack.getInstance(config);
            App app = SlackConfiguration.boltApp(slack, new SlackSettings("xoxb-test", "", "secret", api.url(), null, null));
            // Nothing past the inbox is reached: the request is refused before any work.
            new SlackInbound(null, null, null, slack.methods("xoxb-test"), new SlackInbox(redisDown, "test:"), "",
                    null, null)
                    .registerOn(app);

            Request<?> request = new SlackRequestParser(app.config()).parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .queryString(Map.of())
                    .requestBody(SlackPayloads.dm("EvDown", "ULENA", SlackPayloads.nextTs(), "help"))
                    .headers(new RequestHeaders(Map.of("Content-Type", List.of("application/json"))))
                    .build());

            // Not an error answer, which Bolt would turn into an ack: the endpoint answers 503 to this,
            // and the socket sends no ack.
            assertThatThrownBy(() -> app.run(request)).isInstanceOf(SlackInbound.InboxUnavailable.class)
                    .hasMessageContaining("not acked");
            assertThat(api.calls("chat.postMessage")).isEmpty();
        }
    }

    /** A loopback port nobody listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
