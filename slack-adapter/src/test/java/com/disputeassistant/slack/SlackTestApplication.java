package com.disputeassistant.slack;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.LinkedMarketplace;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.YamlMarketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.store.RedisIdentityLinks;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import redis.clients.jedis.UnifiedJedis;

/**
 * The core beans the Slack channel expects, as config wires them (a real engine, store and linked
 * marketplace over the test Redis), plus {@link SlackConfiguration}. Key prefix and Slack settings come
 * from each test's properties.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SlackConfiguration.class)
class SlackTestApplication {
    static final ChannelIdentity MEDIATOR = ChannelIdentity.of("slack:T01TEST/UMARIA");

    @Bean(destroyMethod = "close")
    UnifiedJedis redis() {
        return RedisConnections.connect(RedisTestSupport.redisUrl());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdentityLinks identityLinks(UnifiedJedis redis, @Value("${dispute.redis.key-prefix}") String prefix, Clock clock) {
        return new RedisIdentityLinks(redis, prefix, clock);
    }

    @Bean
    Marketplace marketplace(IdentityLinks links) {
        try (InputStream in = SlackTestApplication.class.getResourceAsStream("/slack-marketplace.yml")) {
            return new LinkedMarketplace(YamlMarketplace.fromStream(in, "slack-marketplace.yml"), links);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    ButtonRegistry buttonRegistry(UnifiedJedis redis, @Value("${dispute.redis.key-prefix}") String prefix) {
        return new ButtonRegistry(redis, prefix);
    }

    @Bean
    DisputeStore disputeStore(UnifiedJedis redis, @Value("${dispute.redis.key-prefix}") String prefix, Clock clock) {
        return new RedisDisputeStore(redis, prefix, clock);
    }

    @Bean
    ProcedureSettings procedureSettings() {
        return ProcedureSettings.defaults().withMediators(Set.of(MEDIATOR));
    }

    @Bean
    ConversationEngine conversationEngine(Marketplace marketplace, DisputeStore store, ProcedureSettings settings,
                                          Clock clock) {
        return new ConversationEngine(marketplace, store, settings, clock);
    }

    @Bean
    Delivery delivery(ObjectProvider<Channel> channels) {
        return new Delivery(channels.orderedStream().toList());
    }
}
