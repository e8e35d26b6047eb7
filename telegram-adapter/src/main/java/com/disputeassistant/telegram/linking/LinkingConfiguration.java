package com.disputeassistant.telegram.linking;

import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.TelegramSettings;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Linking by code: on when {@code dispute.telegram.link-secret} is set; the minting endpoint only when
 * {@code dispute.telegram.link-code-endpoint} is true as well.
 */
@Configuration(proxyBeanMethods = false)
public class LinkingConfiguration {

    @Bean
    CodeLinking telegramCodeLinking(TelegramSettings settings, Marketplace marketplace, IdentityLinks links,
                                    UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                                    ObjectProvider<Clock> clock) {
        return new CodeLinking(settings.linkSecretIfSet().map(LinkCodes::new), marketplace, links, redis, keyPrefix,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = "dispute.telegram.link-code-endpoint", havingValue = "true")
    LinkCodeController telegramLinkCodeController(TelegramSettings settings, Marketplace marketplace,
                                                  TelegramHttp http, ObjectProvider<Clock> clock) {
        // TelegramSettings refuses to start with the endpoint on and no secret.
        LinkCodes codes = new LinkCodes(settings.linkSecretIfSet().orElseThrow());
        return new LinkCodeController(codes, marketplace, settings.linkCodeLifetime(), new BotUsername(http.client()),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
