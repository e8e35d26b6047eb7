package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.RedisSendLimits;
import com.disputeassistant.outbox.SendLimits;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.slack.sending.SlackSender;
import com.disputeassistant.testing.RateWatch;
import com.disputeassistant.testing.TestRedis;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.ObjectMapper;

/**
 * Three instances' Slack senders on one Redis and one (fake) Slack: each paced on its own only by Slack's
 * pacing for one instance, together they stay within Slack's limits through the shared ones, and each
 * channel gets its messages in order.
 */
class SlackSharedLimitsIT {
    private static final int INSTANCES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private final FakeSlackApi api = new FakeSlackApi();
    private final List<OutboxSender> senders = new ArrayList<>();

    @AfterEach
    void stop() {
        senders.forEach(OutboxSender::close);
        api.close();
    }

    @Test
    void threeInstancesTogetherKeepSlacksLimitsAndEachChannelsOrder() {
        RateWatch rates = api.watchRates();
        Outbox outbox = new Outbox(testRedis.client(), testRedis.prefix(), SlackChannel.NAME);
        // 30 channels get two messages (more than the app's 20 a second), four get six (more than one a second).
        List<OutboxEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            for (int c = 0; c < 34; c++) {
                boolean busy = c >= 30;
                if (n <= 2 || busy) {
                    entries.add(message("C" + c, "message " + n));
                }
            }
        }
        outbox.append(entries);
        SendLimits.Platform slack = SendLimits.Platform.slack(Duration.ofSeconds(1));
        for (int i = 0; i < INSTANCES; i++) {
            OutboxSender sender = new OutboxSender(outbox, new SlackSender(api.url(), "xoxb-test"),
                    SendPacing.slack(), new RedisSendLimits(testRedis.client(), testRedis.prefix(), slack, "app"),
                    Clock.systemUTC(), new CompositeMeterRegistry());
            senders.add(sender);
            sender.start();
        }
        long started = System.nanoTime();

        Eventually.await(Duration.ofSeconds(30), () -> rates.messages() >= entries.size(), "every message is sent");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(rates.violations()).as("Slack's limits").isEmpty();
        for (int c = 0; c < 34; c++) {
            String channel = "C" + c;
            List<String> texts = api.calls("chat.postMessage").stream().filter(FakeSlackApi.Call::accepted)
                    .filter(call -> channel.equals(call.param("channel"))).map(call -> call.param("text")).toList();
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= (c >= 30 ? 6 : 2); n++) {
                expected.add("message " + n);
            }
            assertThat(texts).as("messages to %s, in order", channel).containsExactlyElementsOf(expected);
        }
        System.out.printf("%d Slack senders sent %d messages in %d ms; busiest windows: %s%n", INSTANCES,
                entries.size(), took.toMillis(), rates.busiest());
    }

    private static OutboxEntry message(String channel, String text) {
        return new OutboxEntry(channel, JSON.createObjectNode().put("channel", channel).put("text", text).toString());
    }
}
