package com.disputeassistant.telegram.webhook;

import com.disputeassistant.inbound.InboundMeters;
import com.disputeassistant.telegram.Backoff;
import com.disputeassistant.telegram.TelegramConditions;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.TelegramSettings;
import com.disputeassistant.telegram.sending.TelegramChannel;
import com.disputeassistant.telegram.updates.UpdateHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Webhook mode, when {@code dispute.telegram.webhook-url} is set: any number of instances. */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConditions.Webhook.class)
public class WebhookConfiguration {

    @Bean
    WebhookController telegramWebhookController(TelegramSettings settings, UpdateHandler handler,
                                                ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(InboundMeters::none);
        Counter received = InboundMeters.updates(registry, TelegramChannel.NAME, "webhook");
        return new WebhookController(settings.webhookSecret(), update -> {
            received.increment();
            handler.handle(update);
        }, InboundMeters.refused(registry, TelegramChannel.NAME));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    WebhookRegistration telegramWebhookRegistration(TelegramSettings settings, TelegramHttp http,
                                                    UpdateHandler handler) {
        return new WebhookRegistration(http.client(), settings.webhookUrl(), settings.webhookSecret(),
                UpdateHandler.ALLOWED_UPDATES, () -> handler.registerCommands(http.client()),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }
}
