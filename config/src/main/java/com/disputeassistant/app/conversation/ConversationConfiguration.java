package com.disputeassistant.app.conversation;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine and delivery; channels are whatever {@link Channel} beans the enabled adapters define. */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ConversationConfiguration.class);

    @Bean
    ConversationEngine conversationEngine(Marketplace marketplace, DisputeStore store, ProcedureSettings settings,
                                          Clock clock) {
        return new ConversationEngine(marketplace, store, settings, clock);
    }

    @Bean
    Delivery delivery(ObjectProvider<Channel> channels) {
        List<Channel> enabled = channels.orderedStream().toList();
        log.info("Channels enabled: {}", enabled.stream().map(Channel::name).toList());
        return new Delivery(enabled);
    }
}
