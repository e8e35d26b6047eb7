package com.disputeassistant.telegram.sending;

import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.inbound.InboundMeters;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.RedisSendLimits;
import com.disputeassistant.outbox.SendLimits;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.telegram.TelegramConditions;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.TelegramSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * The {@code telegram} channel, the mediators' room if one is set, and the sender that drains the outbox. Pacing is Telegram's
 * ({@link SendPacing#telegram()}) unless the context has a {@code SendPacing} bean named
 * {@code telegramSendPacing} (tests use one to run fast). The limits all instances share in Redis are Telegram's
 * ({@link SendLimits.Platform#telegram()}), counted per bot (the token's public numeric part) and per chat, unless
 * the context has a {@code SendLimits.Platform} bean named {@code telegramSendLimits}.
 */
@Configuration(proxyBeanMethods = false)
public class SendingConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SendingConfiguration.class);
    private final BotApiCalls calls = new BotApiCalls();

    @Bean
    TelegramChannel telegramChannel(UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                                    ReplyTokens tokens, ObjectProvider<TelegramRoom> room) {
        return new TelegramChannel(new Outbox(redis, keyPrefix, TelegramChannel.NAME), tokens, calls,
                room.getIfAvailable());
    }

    /** The mediators' room, when {@code dispute.telegram.mediators-chat} is set. */
    @Bean
    @Conditional(TelegramConditions.MediatorsRoom.class)
    TelegramRoom telegramRoom(TelegramSettings settings, UnifiedJedis redis,
                              @Value("${dispute.redis.key-prefix:da:}") String keyPrefix, ProcedureSettings procedure) {
        String chat = settings.mediatorsChatIfSet().orElseThrow();
        boolean topics = settings.mediatorsChatTopics();
        log.info("Telegram mediators' room: group {}, {}", chat, topics ? "a topic per dispute" : "a reply chain per dispute");
        return new TelegramRoom(topics ? ChatRoom.threaded(redis, keyPrefix, TelegramChannel.NAME, chat, procedure)
                : ChatRoom.replyChains(redis, keyPrefix, TelegramChannel.NAME, chat, procedure), topics);
    }

    /** The room's policy, for the inbound path. */
    @Bean
    @Conditional(TelegramConditions.MediatorsRoom.class)
    ChatRoom telegramChatRoom(TelegramRoom telegramRoom) {
        return telegramRoom.policy();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutboxSender telegramOutboxSender(TelegramChannel channel, TelegramHttp http, ObjectProvider<TelegramRoom> room,
                                      @Qualifier("telegramSendPacing") ObjectProvider<SendPacing> pacing,
                                      @Qualifier("telegramSendLimits") ObjectProvider<SendLimits.Platform> limits,
                                      TelegramSettings settings, UnifiedJedis redis,
                                      @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                                      ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
                                      ObjectProvider<EvidenceFiles> evidence) {
        SendLimits shared = new RedisSendLimits(redis, keyPrefix, limits.getIfAvailable(SendLimits.Platform::telegram),
                botId(settings.botToken()));
        return new OutboxSender(channel.outbox(), new TelegramSender(http.client(), calls, room.getIfAvailable(),
                evidence.getIfAvailable()),
                pacing.getIfAvailable(SendPacing::telegram), shared, clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(InboundMeters::none));
    }

    /** The bot's numeric id: the token's part before the colon, which Telegram shows to anyone; never the secret after it. */
    static String botId(String token) {
        int colon = token.indexOf(':');
        return colon > 0 ? token.substring(0, colon) : "bot";
    }
}
