package com.disputeassistant.telegram.sending;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.MediatorRoom;
import com.disputeassistant.telegram.TelegramConditions;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.TelegramSettings;
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
 * {@code telegramSendPacing} (tests use one to run fast).
 */
@Configuration(proxyBeanMethods = false)
public class SendingConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SendingConfiguration.class);
    private final BotApiCalls calls = new BotApiCalls();

    @Bean
    TelegramChannel telegramChannel(UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                                    ButtonRegistry buttons, ObjectProvider<TelegramRoom> room) {
        return new TelegramChannel(new Outbox(redis, keyPrefix, TelegramChannel.NAME), buttons, calls,
                room.getIfAvailable());
    }

    /** The mediators' room, when {@code dispute.telegram.mediators-chat} is set. */
    @Bean
    @Conditional(TelegramConditions.MediatorsRoom.class)
    TelegramRoom telegramRoom(TelegramSettings settings, UnifiedJedis redis,
                              @Value("${dispute.redis.key-prefix:da:}") String keyPrefix, ProcedureSettings procedure) {
        String chat = settings.mediatorsChatIfSet().orElseThrow();
        log.info("Telegram mediators' room: group {}, {}", chat,
                settings.mediatorsChatTopics() ? "a topic per dispute" : "a reply chain per dispute");
        return new TelegramRoom(chat, settings.mediatorsChatTopics(),
                new MediatorRoom(redis, keyPrefix, TelegramChannel.NAME),
                new MediatorRoom(redis, keyPrefix, TelegramChannel.NAME + "-posts"), procedure);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutboxSender telegramOutboxSender(TelegramChannel channel, TelegramHttp http, ObjectProvider<TelegramRoom> room,
                                      @Qualifier("telegramSendPacing") ObjectProvider<SendPacing> pacing,
                                      ObjectProvider<Clock> clock) {
        return new OutboxSender(channel.outbox(), new TelegramSender(http.client(), calls, room.getIfAvailable()),
                pacing.getIfAvailable(SendPacing::telegram), clock.getIfAvailable(Clock::systemUTC));
    }
}
