package com.disputeassistant.web;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebApiTest
class PeopleControllerTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    Marketplace marketplace;
    @Autowired
    ConversationEngine engine;

    @Test
    void listsPeopleWithAWebIdentityAndTheirOrdersAndTheWebMediators() throws Exception {
        when(marketplace.people()).thenReturn(List.of(Samples.ALICE, Samples.TELEGRAM_ONLY, Samples.BOB));
        when(marketplace.ordersOf(Samples.ALICE.id())).thenReturn(List.of(Samples.LOGO));
        when(marketplace.ordersOf(Samples.BOB.id())).thenReturn(List.of(Samples.LOGO));
        // The engine names mediators (configured name, marketplace name or id: MediatorsIT covers that).
        when(engine.mediatorName(ChannelIdentity.of("web:max"))).thenReturn("Max Mediator");
        when(engine.mediatorName(WebApiTest.MEDIATOR)).thenReturn("mia");

        mvc.perform(get("/api/people"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people.length()").value(2))
                .andExpect(jsonPath("$.people[0].id").value("alice"))
                .andExpect(jsonPath("$.people[0].name").value("Alice Author"))
                .andExpect(jsonPath("$.people[0].identity").value("web:alice"))
                .andExpect(jsonPath("$.people[0].orders[0].id").value("ORD-1001"))
                .andExpect(jsonPath("$.people[0].orders[0].title").value("Logo design"))
                .andExpect(jsonPath("$.people[0].orders[0].role").value("client"))
                .andExpect(jsonPath("$.people[0].orders[0].expert").value("bob"))
                .andExpect(jsonPath("$.people[1].identity").value("web:bob"))
                .andExpect(jsonPath("$.people[1].orders[0].role").value("expert"))
                .andExpect(jsonPath("$.people[1].orders[0].client").value("alice"))
                // telegram:777 is a mediator too, but cannot be reached in the browser
                .andExpect(jsonPath("$.mediators.length()").value(2))
                .andExpect(jsonPath("$.mediators[0].identity").value("web:max"))
                .andExpect(jsonPath("$.mediators[0].name").value("Max Mediator"))
                .andExpect(jsonPath("$.mediators[1].identity").value("web:mia"))
                .andExpect(jsonPath("$.mediators[1].name").value("mia"));
    }
}
