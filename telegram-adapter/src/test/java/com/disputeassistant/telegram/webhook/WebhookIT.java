package com.disputeassistant.telegram.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.disputeassistant.telegram.Await;
import com.disputeassistant.telegram.BotInstance;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.testing.RedisTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * Webhook mode: registration with a secret, and the endpoint that only Telegram may post to, served by
 * Spring MVC with the bot's real handler behind it. One bot for the class; each test uses its own
 * users or updates.
 */
class WebhookIT {
    private static final String SECRET = "the-webhook-secret_123";
    private static final String URL = "https://bot.example.org/telegram/webhook";

    private static final FakeBotApi api = new FakeBotApi();
    private static final String prefix = RedisTestSupport.uniquePrefix();
    private static BotInstance bot;
    private static UnifiedJedis redis;
    private static MockMvc mvc;

    @BeforeAll
    static void start() {
        bot = BotInstance.start(api, prefix, Map.of("dispute.telegram.webhook-url", URL,
                "dispute.telegram.webhook-secret", SECRET));
        redis = bot.bean(UnifiedJedis.class);
        mvc = MockMvcBuilders.standaloneSetup(bot.bean(WebhookController.class)).build();
    }

    @AfterAll
    static void stop() {
        bot.closeAll();
    }

    @Test
    void registersTheWebhookWithItsSecretAndTheCommandsAndDoesNotPoll() {
        FakeBotApi.Request setWebhook = api.awaitRequest(Await.DEFAULT, "setWebhook", r -> true);
        assertThat(setWebhook.body()).contains(URL).contains(SECRET);
        api.awaitRequest(Await.DEFAULT, "setMyCommands", r -> true);
        assertThat(api.requests("getUpdates")).isEmpty();
        assertThat(api.requests("deleteWebhook")).isEmpty();
    }

    @Test
    void aCallWithoutTheSecretOrWithAnotherIsRefusedAndStoresNothing() throws Exception {
        Set<String> keysBefore = keys();
        JsonNode update = api.textUpdate(100011, "/dispute");

        send(update.toString(), null, status().isUnauthorized());
        send(update.toString(), "wrong-secret", status().isForbidden());
        send(update.toString(), SECRET.substring(1), status().isForbidden());
        send(update.toString(), SECRET + "x", status().isForbidden());

        assertThat(keys()).isEqualTo(keysBefore);
        assertThat(redis.get(prefix + "inbound:telegram:update:" + update.path("update_id").asText())).isNull();
        assertThat(api.messagesTo(100011)).isEmpty();
    }

    @Test
    void anUnreadableBodyIsABadRequest() throws Exception {
        send("{not json", SECRET, status().isBadRequest());
        send("{\"message\": {}}", SECRET, status().isBadRequest());
        send("", SECRET, status().isBadRequest());
    }

    @Test
    void anUpdateWithTheSecretIsHandledAndARedeliveryIsAppliedOnce() throws Exception {
        JsonNode update = api.textUpdate(100001, "/dispute");

        send(update.toString(), SECRET, status().isOk());
        send(update.toString(), SECRET, status().isOk());
        send(api.textUpdate(100009, "hello").toString(), SECRET, status().isOk());

        Await.until("the stranger is answered", () -> !api.messagesTo(100009).isEmpty());
        assertThat(api.messagesTo(100001)).hasSize(1)
                .allSatisfy(m -> assertThat(m.text("text")).contains("What would you like to do?"));
    }

    private static void send(String body, String secret, ResultMatcher expected) throws Exception {
        var request = post(WebhookController.PATH).contentType(MediaType.APPLICATION_JSON).content(body);
        if (secret != null) {
            request.header(WebhookController.SECRET_HEADER, secret);
        }
        mvc.perform(request).andExpect(expected);
    }

    private static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
