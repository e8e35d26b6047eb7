package com.disputeassistant.app.conversation;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.inbound.ConfirmedEmails;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.timers.DeadlineTimers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine, the one inbound path, delivery and the timers; channels are whatever {@link Channel} beans the
 * enabled adapters define, and so are the mediators' rooms and the platforms that confirm e-mail addresses.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ConversationConfiguration.class);

    @Bean
    ConversationEngine conversationEngine(Marketplace marketplace, DisputeStore store, ProcedureSettings settings,
                                          Clock clock, EvidenceIntake evidence) {
        return new ConversationEngine(marketplace, store, settings, clock, evidence);
    }

    /**
     * Fires deadlines and reminders with nobody writing; every instance polls, and each due timer is
     * fired by one of them.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    DeadlineTimers deadlineTimers(DisputeStore store, ConversationEngine engine, Delivery delivery, Clock clock,
                                  @Value("${dispute.timers.poll-interval:1s}") Duration pollInterval,
                                  MeterRegistry meters) {
        return new DeadlineTimers(store, engine, delivery, clock, pollInterval, meters);
    }

    /** The one inbound path every channel hands its events to, with the rooms and e-mail sources they define. */
    @Bean
    ChatInbound chatInbound(ConversationEngine engine, Delivery delivery, Marketplace marketplace, IdentityLinks links,
                            ProcedureSettings settings, DisputeStore store, ButtonRegistry buttons,
                            ObjectProvider<ChatRoom> rooms, ObjectProvider<ConfirmedEmails> emails, MeterRegistry meters) {
        return new ChatInbound(engine, delivery, marketplace, links, settings, store, buttons,
                rooms.orderedStream().toList(), emails.orderedStream().toList(), meters);
    }

    @Bean
    ReplyTokens replyTokens(ButtonRegistry buttons) {
        return new ReplyTokens(buttons);
    }

    @Bean
    Delivery delivery(ObjectProvider<Channel> channels) {
        List<Channel> enabled = channels.orderedStream().toList();
        log.info("Channels enabled: {}", enabled.stream().map(Channel::name).toList());
        return new Delivery(enabled);
    }
}
