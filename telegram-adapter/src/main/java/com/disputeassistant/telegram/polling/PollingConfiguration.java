package com.disputeassistant.telegram.polling;

import com.disputeassistant.inbound.InboundMeters;
import com.disputeassistant.telegram.Backoff;
import com.disputeassistant.telegram.TelegramConditions;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.TelegramSettings;
import com.disputeassistant.telegram.sending.TelegramChannel;
import com.disputeassistant.telegram.updates.UpdateHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Long polling, when no webhook URL is set. Telegram lets only one consumer poll a bot: every instance runs a
 * poller, and the one holding the {@link PollerLease} (TTL {@link #LEASE}) polls.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConditions.Polling.class)
public class PollingConfiguration {
    /** A long poll's answer comes after up to its timeout, plus the time to travel. */
    private static final Duration POLL_SLACK = Duration.ofSeconds(15);
    /** How long a dead poller holds up polling at most: its lease's TTL (plus a try, a fifth of it, to notice). */
    static final Duration LEASE = Duration.ofSeconds(5);

    @Bean(initMethod = "start", destroyMethod = "close")
    UpdatePoller telegramUpdatePoller(TelegramSettings settings, UpdateHandler handler, UnifiedJedis redis,
                                      @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                                      ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        Counter received = InboundMeters.updates(meters.getIfAvailable(InboundMeters::none), TelegramChannel.NAME, "poll");
        // Its own client: a long poll waits far longer for its answer than any other call.
        TelegramHttp http = new TelegramHttp(settings, settings.pollTimeout().plus(POLL_SLACK));
        var client = http.client();
        return new UpdatePoller(http, new PollOffset(redis, keyPrefix), new PollerLease(redis, keyPrefix, LEASE),
                update -> {
                    received.increment();
                    handler.handle(update);
                }, new ParkedUpdates(redis, keyPrefix, clock.getIfAvailable(Clock::systemUTC)),
                () -> {
                    UpdatePoller.deleteWebhook(client);
                    handler.registerCommands(client);
                },
                settings.pollTimeout(), new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
    }
}
