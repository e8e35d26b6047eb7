package com.disputeassistant.telegram.updates;

import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.linking.CodeLinking;
import com.disputeassistant.telegram.sending.TelegramChannel;
import com.disputeassistant.telegram.sending.TelegramRoom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The update handler that long polling and the webhook both hand updates to. */
@Configuration(proxyBeanMethods = false)
public class UpdatesConfiguration {

    @Bean
    UpdateHandler telegramUpdateHandler(ChatInbound inbound, TelegramChannel channel, CodeLinking linking,
                                        ObjectProvider<TelegramRoom> room, TelegramHttp http) {
        return new UpdateHandler(inbound, channel, linking, room.getIfAvailable(), http);
    }
}
