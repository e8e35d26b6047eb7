package com.disputeassistant.telegram.sending;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.telegram.TelegramHttp;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * The {@code telegram} channel and the sender that drains its outbox. Pacing is Telegram's
 * ({@link SendPacing#telegram()}) unless the context has a {@code SendPacing} bean named
 * {@code telegramSendPacing} (tests use one to run fast).
 */
@Configuration(proxyBeanMethods = false)
public class SendingConfiguration {
    private final BotApiCalls calls = new BotApiCalls();

    @Bean
    TelegramChannel telegramChannel(UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                                    ButtonRegistry buttons) {
        return new TelegramChannel(new Outbox(redis, keyPrefix, TelegramChannel.NAME), buttons, calls);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutboxSender telegramOutboxSender(TelegramChannel channel, TelegramHttp http,
                                      @Qualifier("telegramSendPacing") ObjectProvider<SendPacing> pacing,
                                      ObjectProvider<Clock> clock) {
        return new OutboxSender(channel.outbox(), new TelegramSender(http.client(), calls),
                pacing.getIfAvailable(SendPacing::telegram), clock.getIfAvailable(Clock::systemUTC));
    }
}
