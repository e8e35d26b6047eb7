package com.disputeassistant.web;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.disputeassistant.marketplace.Address;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import redis.clients.jedis.UnifiedJedis;

/** The inbox endpoint on a real web channel and a real Redis: what was delivered is what the page reads. */
// The playground's controllers only (the console's have tests of their own), and no security filters:
// in the app no SecurityFilterChain matches the playground's paths (DisputeAssistantApplicationIT shows
// it through the whole app), while a slice would put Spring Boot's secure-everything default in front.
@WebMvcTest(controllers = {ChatController.class, DisputeController.class, PeopleController.class})
@AutoConfigureMockMvc(addFilters = false)
@MockitoBean(types = {ConversationEngine.class, ChatInbound.class, Marketplace.class, DisputeStore.class})
@Import(InboxEndpointIT.RealWebChannel.class)
class InboxEndpointIT {
    private static final UnifiedJedis REDIS = RedisConnections.connect(RedisTestSupport.redisUrl());
    private static final String PREFIX = RedisTestSupport.uniquePrefix();

    @Autowired
    MockMvc mvc;
    @Autowired
    WebChannel webChannel;

    @TestConfiguration(proxyBeanMethods = false)
    static class RealWebChannel {
        @Bean
        WebChannel webChannel() {
            return new WebChannel(REDIS, PREFIX, Clock.systemUTC());
        }

        @Bean
        ProcedureSettings procedureSettings() {
            return ProcedureSettings.defaults();
        }
    }

    /** Queues a message as a turn's write does. */
    private void queue(OutboundMessage message) {
        new RedisDisputeStore(REDIS, PREFIX, Clock.systemUTC()).queueReplies(null, webChannel.render(message));
    }

    @AfterAll
    static void disconnect() {
        RedisTestSupport.deleteKeys(REDIS, PREFIX);
        REDIS.close();
    }

    @Test
    void thePageReadsWhatTheChannelDelivered() throws Exception {
        Address carol = Address.of(ChannelIdentity.of("web:carol"));
        queue(new OutboundMessage(carol, "Is the order ORD-1001?",
                List.of(new ReplyOption("yes", "Yes"), new ReplyOption("no", "No"))));
        queue(new OutboundMessage(carol, "<script>alert(1)</script>", List.of()));

        mvc.perform(get("/api/inbox").param("as", carol.identity().toString()).param("after", "0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.last").value(2))
                .andExpect(jsonPath("$.messages[*].seq", contains(1, 2)))
                .andExpect(jsonPath("$.messages[0].options[*].id", contains("yes", "no")))
                .andExpect(jsonPath("$.messages[1].text").value("<script>alert(1)</script>"));

        mvc.perform(get("/api/inbox").param("as", carol.identity().toString()).param("after", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages[*].seq", contains(2)));
    }
}
