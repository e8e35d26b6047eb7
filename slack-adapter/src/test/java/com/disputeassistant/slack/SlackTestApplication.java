package com.disputeassistant.slack;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.inbound.ConfirmedEmails;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.LinkedMarketplace;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.YamlMarketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.store.RedisIdentityLinks;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
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
    static final String MEDIATOR = "slack:T01TEST/UMARIA";

    static final String SIGNING_SECRET = "test-signing-secret";

    /** {@link #slackProperties}, in HTTP mode: requests are signed with {@link #SIGNING_SECRET}. */
    static void httpModeProperties(DynamicPropertyRegistry properties, String prefix, FakeSlackApi api) {
        slackProperties(properties, prefix, api);
        properties.add("dispute.slack.signing-secret", () -> SIGNING_SECRET);
    }

    /** After a test class: deletes its keys and stops its fake Web API. */
    static void cleanUp(String prefix, FakeSlackApi api) {
        try (UnifiedJedis redis = RedisConnections.connect(RedisTestSupport.redisUrl())) {
            RedisTestSupport.deleteKeys(redis, prefix);
        }
        api.close();
    }

    /** The settings every test app shares: its keys under {@code prefix}, the fake Web API, no pacing. */
    static void slackProperties(DynamicPropertyRegistry properties, String prefix, FakeSlackApi api) {
        properties.add("dispute.redis.key-prefix", () -> prefix);
        properties.add("dispute.slack.bot-token", () -> "xoxb-test");
        properties.add("dispute.slack.api-url", api::url);
        properties.add("dispute.slack.message-interval", () -> "0s");
    }

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

    /** The allow-listed mediators: {@link #MEDIATOR}, unless a test lists others in {@code test.slack.mediators}. */
    @Bean
    ProcedureSettings procedureSettings(@Value("${test.slack.mediators:" + MEDIATOR + "}") String[] mediators) {
        return ProcedureSettings.defaults().withMediators(
                Arrays.stream(mediators).map(String::strip).map(ChannelIdentity::of).collect(Collectors.toSet()));
    }

    @Bean
    ConversationEngine conversationEngine(Marketplace marketplace, DisputeStore store, ProcedureSettings settings,
                                          Clock clock) {
        return new ConversationEngine(marketplace, store, settings, clock);
    }

    @Bean
    ChatInbound chatInbound(ConversationEngine engine, Delivery delivery, Marketplace marketplace, IdentityLinks links,
                            ProcedureSettings settings, DisputeStore store, ButtonRegistry buttons,
                            ObjectProvider<ChatRoom> rooms, ObjectProvider<ConfirmedEmails> emails) {
        return new ChatInbound(engine, delivery, marketplace, links, settings, store, buttons,
                rooms.orderedStream().toList(), emails.orderedStream().toList());
    }

    @Bean
    ReplyTokens replyTokens(ButtonRegistry buttons) {
        return new ReplyTokens(buttons);
    }

    @Bean
    Delivery delivery(ObjectProvider<Channel> channels) {
        return new Delivery(channels.orderedStream().toList());
    }
}
