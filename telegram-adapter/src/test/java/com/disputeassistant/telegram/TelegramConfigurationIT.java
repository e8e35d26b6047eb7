package com.disputeassistant.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.telegram.sending.TelegramChannel;
import com.disputeassistant.testing.RedisTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import redis.clients.jedis.UnifiedJedis;

/** What importing {@link TelegramConfiguration} adds to an application, in each mode. */
class TelegramConfigurationIT {
    private final FakeBotApi api = new FakeBotApi();
    private final String prefix = RedisTestSupport.uniquePrefix();
    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(TelegramTestApp.class)
            .withPropertyValues("dispute.redis.key-prefix=" + prefix, "dispute.telegram.api-url=" + api.url());

    @AfterEach
    void stop() {
        api.close();
        try (UnifiedJedis redis = RedisConnections.connect(RedisTestSupport.redisUrl())) {
            RedisTestSupport.deleteKeys(redis, prefix);
        }
    }

    @Test
    void withoutATokenTheChannelIsOffAndNothingTalksToTelegram() {
        app.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TelegramChannel.class).doesNotHaveBean("telegramUpdatePoller")
                    .doesNotHaveBean("telegramOutboxSender").hasBean("telegramOffNotice");
            assertThat(context.getBeansOfType(Channel.class)).isEmpty();
        });
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void withATokenItPollsAndDeliversThroughTheTelegramChannel() {
        app.withPropertyValues("dispute.telegram.bot-token=" + FakeBotApi.TOKEN).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(TelegramChannel.class).hasBean("telegramUpdatePoller")
                    .hasBean("telegramOutboxSender").doesNotHaveBean("telegramWebhookController")
                    .doesNotHaveBean("telegramLinkCodeController");
            assertThat(context.getBean(Channel.class).name()).isEqualTo("telegram");
            assertThat(context.getBean(Delivery.class)).isNotNull();
            api.awaitRequest(Await.DEFAULT, "getUpdates", r -> true);
        });
    }

    @Test
    void withAWebhookUrlItServesTheWebhookAndDoesNotPoll() {
        app.withPropertyValues("dispute.telegram.bot-token=" + FakeBotApi.TOKEN,
                "dispute.telegram.webhook-url=https://bot.example.org/telegram/webhook",
                "dispute.telegram.webhook-secret=s3cret", "dispute.telegram.link-secret=k",
                "dispute.telegram.link-code-endpoint=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("telegramWebhookController").hasBean("telegramLinkCodeController")
                    .doesNotHaveBean("telegramUpdatePoller");
            api.awaitRequest(Await.DEFAULT, "setWebhook", r -> true);
        });
        assertThat(api.requests("getUpdates")).isEmpty();
    }

    @Test
    void webhookModeWithoutASecretDoesNotStartAndSaysWhatToSet() {
        app.withPropertyValues("dispute.telegram.bot-token=" + FakeBotApi.TOKEN,
                "dispute.telegram.webhook-url=https://bot.example.org/telegram/webhook").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
        });
    }
}
