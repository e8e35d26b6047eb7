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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
// The playground's controllers only (the console's have tests of their own), and no security filters:
// in the app no SecurityFilterChain matches the playground's paths (DisputeAssistantApplicationIT shows
// it through the whole app), while a slice would put Spring Boot's secure-everything default in front.
@WebMvcTest(controllers = {ChatController.class, DisputeController.class, PeopleController.class})
@AutoConfigureMockMvc(addFilters = false)
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
