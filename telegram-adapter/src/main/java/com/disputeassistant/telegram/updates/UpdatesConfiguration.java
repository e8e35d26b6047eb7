package com.disputeassistant.telegram.updates;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
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
    UpdateHandler telegramUpdateHandler(ConversationEngine engine, Delivery delivery, Marketplace marketplace,
                                        ProcedureSettings settings, DisputeStore store, ButtonRegistry buttons,
                                        TelegramChannel channel, CodeLinking linking, ObjectProvider<TelegramRoom> room) {
        return new UpdateHandler(engine, delivery, marketplace, settings, store, buttons, channel, linking,
                room.getIfAvailable());
    }
}
