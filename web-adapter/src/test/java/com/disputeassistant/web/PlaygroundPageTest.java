package com.disputeassistant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebApiTest
class PlaygroundPageTest {
    @Autowired
    MockMvc mvc;

    @Test
    void thePageIsServedWithItsPanesPanelAndScripts() throws Exception {
        mvc.perform(get("/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Pick who you are in each pane")))
                .andExpect(content().string(containsString("<div id=\"panes\" class=\"panes\">")))
                .andExpect(content().string(containsString("<template id=\"pane-template\">")))
                .andExpect(content().string(containsString("class=\"identity-picker\"")))
                .andExpect(content().string(containsString("class=\"chat-log\" role=\"log\"")))
                .andExpect(content().string(containsString("class=\"message-input\"")))
                .andExpect(content().string(containsString("id=\"dispute-details\"")))
                .andExpect(content().string(containsString("<script src=\"playground.js\" defer>")))
                .andExpect(content().string(containsString("href=\"playground.css\"")));
    }

    @Test
    void theSiteRootShowsThePage() throws Exception {
        mvc.perform(get("/")).andExpect(forwardedUrl("index.html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/playground.js", "/playground.css"})
    void theScriptAndStylesAreServed(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isOk());
    }

    /** The machine running it may be offline, and a CDN would see who uses the playground. */
    @ParameterizedTest
    @ValueSource(strings = {"index.html", "playground.js", "playground.css"})
    void thePageLoadsNothingFromElsewhere(String file) throws IOException {
        assertThat(staticFile(file)).doesNotContain("http://", "https://", "//cdn", "@import");
    }

    /** Everything shown comes from people's messages: it must never be parsed as HTML. */
    @Test
    void theScriptNeverInsertsTextAsHtml() throws IOException {
        assertThat(staticFile("playground.js"))
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
                .contains("textContent");
    }

    private static String staticFile(String name) throws IOException {
        try (InputStream in = PlaygroundPageTest.class.getResourceAsStream("/playground/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
