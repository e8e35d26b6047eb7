package com.disputeassistant.telegram.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.YamlMarketplace;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class LinkCodeControllerTest {
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    private final LinkCodes codes = new LinkCodes("shared");
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new LinkCodeController(codes, marketplace(),
            Duration.ofHours(2), () -> Optional.of("DisputeTestBot"), Clock.fixed(NOW, ZoneOffset.UTC))).build();

    @Test
    void mintsACodeThatLinksThePersonForTheConfiguredTime() throws Exception {
        String body = mvc.perform(post("/api/telegram/link-codes").param("person", "carol"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person").value("carol"))
                .andExpect(jsonPath("$.expiresAt").value("2026-11-20T11:00:00Z"))
                .andReturn().getResponse().getContentAsString();
        String code = body.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");

        assertThat(body).contains("\"start\":\"/start " + code + "\"")
                .contains("\"link\":\"https://t.me/DisputeTestBot?start=" + code + "\"");
        assertThat(codes.verify(code, NOW)).isEqualTo(new LinkCodes.Verdict.Valid(new PersonId("carol"),
                NOW.plus(Duration.ofHours(2)), ((LinkCodes.Verdict.Valid) codes.verify(code, NOW)).codeId()));
    }

    @Test
    void anUnknownOrMissingPersonIsExplained() throws Exception {
        mvc.perform(post("/api/telegram/link-codes").param("person", "zoe"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("no person 'zoe'")));
        mvc.perform(post("/api/telegram/link-codes"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("?person=")));
    }

    private static Marketplace marketplace() {
        try (InputStream in = LinkCodeControllerTest.class.getResourceAsStream("/telegram-marketplace.yml")) {
            return YamlMarketplace.fromStream(in, "telegram-marketplace.yml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
