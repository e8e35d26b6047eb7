package com.disputeassistant.web;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A unit test of this package's endpoints: Spring MVC as in the app (JSON, errors, static files),
 * every collaborator a Mockito mock. One annotation, so all such tests share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@MockitoBean(types = {ConversationEngine.class, ChatInbound.class, WebChannel.class, Marketplace.class, DisputeStore.class})
@Import(WebApiTest.Settings.class)
@interface WebApiTest {
    ChannelIdentity MEDIATOR = ChannelIdentity.of("web:mia");

    @TestConfiguration(proxyBeanMethods = false)
    class Settings {
        @Bean
        ProcedureSettings procedureSettings() {
            return ProcedureSettings.defaults().withMediators(Set.of(MEDIATOR, ChannelIdentity.of("web:max"),
                    ChannelIdentity.of("telegram:777")));
        }
    }
}
