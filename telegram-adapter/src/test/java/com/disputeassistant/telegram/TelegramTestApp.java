package com.disputeassistant.telegram;

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
import com.disputeassistant.outbox.SendLimits;
import com.disputeassistant.outbox.SendPacing;
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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the application around the channel provides, as config's wiring does it (engine, store,
 * marketplace with runtime links, buttons, delivery to every channel bean), over the Telegram test
 * marketplace and a real Redis, plus fast pacing so that a whole dispute runs in seconds, and on request a
 * recording {@code web} channel that stands for the playground.
 */
@Configuration(proxyBeanMethods = false)
@Import(TelegramConfiguration.class)
public class TelegramTestApp {
    /** Telegram users who are mediators; without a mediators' room they are written to privately. */
    public static final long MEDIATOR_MARIA = 200001;
    public static final long MEDIATOR_OMAR = 200002;
    /** The property that adds a recording {@code web} channel. */
    public static final String WEB_CHANNEL = "test.web-channel";
    /** The property that gives the bot Telegram's real pacing and shared limits instead of fast ones. */
    public static final String REAL_LIMITS = "test.real-limits";
    public static final ProcedureSettings SETTINGS = ProcedureSettings.defaults()
            .withMediators(Set.of(ChannelIdentity.of("web:maria"), ChannelIdentity.of("telegram:" + MEDIATOR_MARIA),
                    ChannelIdentity.of("telegram:" + MEDIATOR_OMAR)));

    @Bean
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
        return new LinkedMarketplace(fileMarketplace(), links);
    }

    @Bean
    DisputeStore disputeStore(UnifiedJedis redis, @Value("${dispute.redis.key-prefix}") String prefix, Clock clock) {
        return new RedisDisputeStore(redis, prefix, clock);
    }

    @Bean
    ButtonRegistry buttonRegistry(UnifiedJedis redis, @Value("${dispute.redis.key-prefix}") String prefix) {
        return new ButtonRegistry(redis, prefix);
    }

    @Bean
    ProcedureSettings procedureSettings() {
        return SETTINGS;
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

    /**
     * The playground's channel, for people of the marketplace file known only on the web (Carol), in
     * tests that ask for it with {@link #WEB_CHANNEL}; the others see the Telegram channel alone.
     */
    @Bean
    @ConditionalOnBooleanProperty(WEB_CHANNEL)
    RecordingWebChannel webChannel(UnifiedJedis redis, @Value("${dispute.redis.key-prefix}") String prefix) {
        return new RecordingWebChannel(redis, prefix);
    }

    /** Fast pacing, unless a test asks for Telegram's real limits with {@link #REAL_LIMITS}. */
    @Bean
    @ConditionalOnBooleanProperty(name = REAL_LIMITS, havingValue = false, matchIfMissing = true)
    SendPacing telegramSendPacing() {
        return new SendPacing(Duration.ofMillis(5), 200, 5, Duration.ofMillis(50), Duration.ofMillis(500));
    }

    /** Shared limits at test speed (none per chat), unless a test asks for Telegram's real ones with {@link #REAL_LIMITS}. */
    @Bean
    @ConditionalOnBooleanProperty(name = REAL_LIMITS, havingValue = false, matchIfMissing = true)
    SendLimits.Platform telegramSendLimits() {
        return new SendLimits.Platform("tg", List.of(SendLimits.Rate.perSecond(1000)), List.of(), List.of(), "",
                Duration.ZERO);
    }

    static YamlMarketplace fileMarketplace() {
        try (InputStream in = TelegramTestApp.class.getResourceAsStream("/telegram-marketplace.yml")) {
            return YamlMarketplace.fromStream(in, "telegram-marketplace.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
