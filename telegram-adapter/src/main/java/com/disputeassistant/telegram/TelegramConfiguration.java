package com.disputeassistant.telegram;

import com.disputeassistant.telegram.linking.LinkingConfiguration;
import com.disputeassistant.telegram.polling.PollingConfiguration;
import com.disputeassistant.telegram.sending.SendingConfiguration;
import com.disputeassistant.telegram.updates.UpdatesConfiguration;
import com.disputeassistant.telegram.webhook.WebhookConfiguration;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the Telegram channel into an application; the one class to import. With
 * {@code dispute.telegram.bot-token} set it provides the {@code telegram}
 * {@link com.disputeassistant.conversation.Channel} (pick it up with the other channels when building the
 * {@link com.disputeassistant.conversation.Delivery}), its outbox sender, and either the long-polling
 * worker or the webhook endpoint; without a token it logs how to turn the channel on and provides nothing.
 *
 * <p>Expects in the context: {@code ConversationEngine}, {@code Delivery}, {@code Marketplace} (with
 * runtime links, {@code LinkedMarketplace}), {@code IdentityLinks}, {@code ButtonRegistry},
 * {@code DisputeStore}, {@code ProcedureSettings}, a Jedis {@code UnifiedJedis}, a {@code Clock} bean if
 * there is one (else the system clock), the property {@code dispute.redis.key-prefix} (default
 * {@code da:}), and Spring MVC for the webhook and link-code endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramSettings.class)
@Import(TelegramConfiguration.Enabled.class)
public class TelegramConfiguration {
    private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

    /** Says once, at start, that the channel is off and how to turn it on. */
    @Bean
    @Conditional(TelegramConditions.Off.class)
    Object telegramOffNotice() {
        log.info("Telegram channel off: set TELEGRAM_BOT_TOKEN (see README.md, \"Telegram\") to turn it on");
        return new Object();
    }

    /** Everything the channel runs on, when a bot token is set. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(TelegramConditions.On.class)
    @Import({SendingConfiguration.class, UpdatesConfiguration.class, LinkingConfiguration.class,
            PollingConfiguration.class, WebhookConfiguration.class})
    static class Enabled {
        /** For sending and the calls at start: answers come within seconds, or the call is retried. */
        @Bean
        TelegramHttp telegramHttp(TelegramSettings settings) {
            log.info("Telegram channel on ({}), Bot API at {}", settings.webhookMode() ? "webhook" : "long polling",
                    settings.apiUrl());
            return new TelegramHttp(settings, Duration.ofSeconds(30));
        }
    }
}
