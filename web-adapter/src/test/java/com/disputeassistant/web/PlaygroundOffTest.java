package com.disputeassistant.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With the playground off, none of its pages or endpoints exist: 404, not a refusal that shows they are there. */
class PlaygroundOffTest {
    static final String BODY = "{\"as\":\"web:maria\",\"text\":\"/fee 300\"}";

    /** A deployment: REDIS_URL set, nothing said about the playground. */
    @Nested
    @WebApiTest
    @TestPropertySource(properties = "dispute.redis.url=redis://redis:6379")
    class WithRedisUrl {
        @Autowired
        MockMvc mvc;

        @ParameterizedTest
        @ValueSource(strings = {"/", "/index.html", "/playground.js", "/playground.css", "/api/people",
                "/api/inbox?as=web:maria", "/api/disputes?as=web:alice", "/api/disputes/waiting-for-mediator",
                "/api/disputes/D7K2M9QX"})
        void everyPageAndReadIsNotFound(String path) throws Exception {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/messages"})
        void postingAMessageIsNotFound(String path) throws Exception {
            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(BODY))
                    .andExpect(status().isNotFound());
        }
    }

    /** Turned off by its own setting, even on the embedded Redis. */
    @Nested
    @WebApiTest
    @TestPropertySource(properties = "dispute.playground.enabled=false")
    class TurnedOff {
        @Autowired
        MockMvc mvc;

        @ParameterizedTest
        @ValueSource(strings = {"/", "/index.html", "/playground.js", "/api/people", "/api/disputes/waiting-for-mediator"})
        void pagesAndReadsAreNotFound(String path) throws Exception {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/messages"})
        void postingAMessageIsNotFound(String path) throws Exception {
            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(BODY))
                    .andExpect(status().isNotFound());
        }
    }

    /** Turned on by its setting although REDIS_URL is set: someone's own machine with their own Redis. */
    @Nested
    @WebApiTest
    @TestPropertySource(properties = {"dispute.redis.url=redis://localhost:6379", "dispute.playground.enabled=true"})
    class TurnedOnExplicitly {
        @Autowired
        MockMvc mvc;

        @ParameterizedTest
        @ValueSource(strings = {"/index.html", "/playground.js", "/api/disputes/waiting-for-mediator"})
        void isServed(String path) throws Exception {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
    }
}
