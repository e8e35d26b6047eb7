package com.disputeassistant.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.web.WebInboxes;
import java.time.Clock;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.testing.RedisTestSupport;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import redis.clients.jedis.UnifiedJedis;

/**
 * The console's sign-in and its refusals through the real security filter chain, with real bcrypt hashes
 * and the lockout counted in a real Redis: not signed in, wrong password, locked, wrong role, no CSRF
 * token, a stale session, signing out.
 */
@WebMvcTest(controllers = {LoginPage.class, ConsolePages.class})
@MockitoBean(types = {ConsoleDisputes.class, ConsoleRoom.class, ChatInbound.class, WebInboxes.class,
        ConversationEngine.class, Marketplace.class, EvidenceIntake.class, EvidenceFiles.class})
@Import({ConsoleSecurityConfiguration.class, ConsoleTexts.class, ConsoleSecurityIT.Beans.class})
class ConsoleSecurityIT {
    static final String PASSWORD = "correct horse battery";
    private static final UnifiedJedis REDIS = RedisConnections.connect(RedisTestSupport.redisUrl());
    private static final String PREFIX = RedisTestSupport.uniquePrefix();

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        String hash = HashPassword.hash(PASSWORD);
        registry.add("dispute.redis.key-prefix", () -> PREFIX);
        registry.add("dispute.console.max-failed-logins", () -> "3");
        registry.add("dispute.console.accounts[0].username", () -> "maria");
        registry.add("dispute.console.accounts[0].password-hash", () -> hash);
        registry.add("dispute.console.accounts[0].role", () -> "mediator");
        registry.add("dispute.console.accounts[0].identities", () -> "web:maria,slack:T1/U2");
        registry.add("dispute.console.accounts[1].username", () -> "sam");
        registry.add("dispute.console.accounts[1].password-hash", () -> hash);
        registry.add("dispute.console.accounts[1].role", () -> "supervisor");
        registry.add("dispute.console.accounts[1].identities", () -> "web:sam");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        UnifiedJedis redis() {
            return REDIS;
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ProcedureSettings procedureSettings() {
            return ProcedureSettings.defaults().withMediators(Set.of(ChannelIdentity.of("web:maria"),
                    ChannelIdentity.of("slack:T1/U2"), ChannelIdentity.of("web:sam")));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ChatInbound inbound;

    @AfterEach
    void removeKeys() {
        RedisTestSupport.deleteKeys(REDIS, PREFIX);
    }

    @AfterAll
    static void disconnect() {
        REDIS.close();
    }

    @Test
    void notSignedInEveryConsolePageRedirectsToTheSignInPage() throws Exception {
        for (String page : new String[]{"/console", "/console/disputes/D7K2M9QX", "/console/reports",
                "/console/disputes/D7K2M9QX/events", "/console/events"}) {
            mvc.perform(get(page)).andExpect(status().isFound())
                    .andExpect(redirectedUrl("/console/login"));
        }
        for (String action : new String[]{"/console/disputes/D7K2M9QX/act", "/console/disputes/D7K2M9QX/say"}) {
            mvc.perform(post(action).with(csrf()).param("command", "fee").param("argument", "300")
                            .param("text", "hello").param("requestId", "0f8fad5b-d9cb-469f-a165-70867728950e"))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/console/login"));
        }
    }

    @Test
    void theSignInPageIsOpenAndItsFormCarriesACsrfToken() throws Exception {
        mvc.perform(get("/console/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("Sign in")));
    }

    @Test
    void theSignInPageSpeaksTheBrowsersLanguageGermanOrEnglish() throws Exception {
        mvc.perform(get("/console/login").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"de\"")))
                .andExpect(content().string(containsString("Anmelden")))
                .andExpect(content().string(containsString("Benutzername")))
                .andExpect(content().string(not(containsString("Username"))));
        mvc.perform(get("/console/login").header("Accept-Language", "en-GB,en;q=0.9,de;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString("Username")))
                .andExpect(content().string(not(containsString("Benutzername"))));
        mvc.perform(get("/console/login").header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Username")));
        mvc.perform(get("/console/login").header("Accept-Language", "fr, de;q=0.9, en;q=0.8"))
                .andExpect(content().string(containsString("Benutzername")));
    }

    @Test
    void aSignedInPageSpeaksTheBrowsersLanguage() throws Exception {
        MvcResult result = mvc.perform(formLogin("/console/login").user("maria").password(PASSWORD)).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession();

        mvc.perform(get("/console").session(session).header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Angemeldet als maria (Vermittlung)")))
                .andExpect(content().string(containsString("Abmelden")));
        mvc.perform(get("/console").session(session).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Signed in as maria (mediator)")));
    }

    @Test
    void theRightPasswordSignsInAndLandsOnTheConsole() throws Exception {
        MvcResult result = mvc.perform(formLogin("/console/login").user("maria").password(PASSWORD))
                .andExpect(authenticated().withUsername("maria").withRoles("MEDIATOR"))
                .andExpect(redirectedUrl("/console"))
                .andReturn();

        mvc.perform(get("/console").session((MockHttpSession) result.getRequest().getSession()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Signed in as maria (mediator)")))
                .andExpect(content().string(containsString("web:maria, slack:T1/U2")));
    }

    @Test
    void theUsernameIsMatchedWhateverItsCase() throws Exception {
        mvc.perform(formLogin("/console/login").user("Maria").password(PASSWORD))
                .andExpect(authenticated().withUsername("maria"));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedTheSameWay() throws Exception {
        mvc.perform(formLogin("/console/login").user("maria").password("wrong"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/console/login?error"));
        mvc.perform(formLogin("/console/login").user("nobody").password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/console/login?error"));
    }

    @Test
    void afterRepeatedFailuresTheAccountIsLockedEvenForTheRightPassword() throws Exception {
        mvc.perform(formLogin("/console/login").user("maria").password("wrong 1")).andExpect(redirectedUrl("/console/login?error"));
        mvc.perform(formLogin("/console/login").user("maria").password("wrong 2")).andExpect(redirectedUrl("/console/login?error"));
        mvc.perform(formLogin("/console/login").user("maria").password("wrong 3")).andExpect(redirectedUrl("/console/login?locked"));

        mvc.perform(formLogin("/console/login").user("maria").password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/console/login?locked"));
        assertThat(REDIS.pttl(PREFIX + "console:failed:maria")).isPositive();
        // Another account is not affected.
        mvc.perform(formLogin("/console/login").user("sam").password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() throws Exception {
        mvc.perform(formLogin("/console/login").user("maria").password("wrong 1"));
        mvc.perform(formLogin("/console/login").user("maria").password("wrong 2"));
        mvc.perform(formLogin("/console/login").user("maria").password(PASSWORD)).andExpect(authenticated());

        assertThat(REDIS.exists(PREFIX + "console:failed:maria")).isFalse();
    }

    @Test
    void withoutACsrfTokenSigningInAndOutAndActingAreRefused() throws Exception {
        mvc.perform(post("/console/login").param("username", "maria").param("password", PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
        mvc.perform(post("/console/logout").with(user("maria").roles("MEDIATOR")))
                .andExpect(status().isForbidden());
        for (String action : new String[]{"/console/disputes/D7K2M9QX/act", "/console/disputes/D7K2M9QX/say"}) {
            mvc.perform(post(action).with(user("maria").roles("MEDIATOR")).param("command", "fee")
                            .param("argument", "300").param("text", "hello")
                            .param("requestId", "0f8fad5b-d9cb-469f-a165-70867728950e"))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(inbound);
    }

    @Test
    void theReportsAreForSupervisorsOnly() throws Exception {
        mvc.perform(get("/console/reports").with(user("maria").roles("MEDIATOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void someoneSignedInWithoutAStaffRoleIsRefused() throws Exception {
        mvc.perform(get("/console").with(user("alice").roles("CLIENT"))).andExpect(status().isForbidden());
    }

    @Test
    void aStaleSessionIsSentToSignInAgain() throws Exception {
        mvc.perform(get("/console").with(request -> {
            request.setRequestedSessionId("expired-session-id");
            request.setRequestedSessionIdValid(false);
            return request;
        })).andExpect(status().isFound()).andExpect(redirectedUrl("/console/login"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        MvcResult signedIn = mvc.perform(formLogin("/console/login").user("maria").password(PASSWORD)).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();

        mvc.perform(post("/console/logout").with(csrf()).session(session))
                .andExpect(redirectedUrl("/console/login?signed-out"));

        assertThat(session.isInvalid()).isTrue();
    }
}
