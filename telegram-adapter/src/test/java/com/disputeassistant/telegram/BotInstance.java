package com.disputeassistant.telegram;

import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One running instance of the bot: a Spring context with the Telegram channel on, talking to the fake
 * Bot API, under a key prefix that several instances (a restart) share.
 */
public final class BotInstance implements AutoCloseable {
    public static final String LINK_SECRET = "secret-shared-with-the-marketplace";

    private final ConfigurableApplicationContext context;

    private BotInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Long polling against the fake, with extra properties. */
    public static BotInstance start(FakeBotApi api, String keyPrefix, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("dispute.redis.key-prefix", keyPrefix);
        properties.put("dispute.telegram.bot-token", FakeBotApi.TOKEN);
        properties.put("dispute.telegram.api-url", api.url());
        properties.put("dispute.telegram.poll-timeout", "1s");
        properties.put("dispute.telegram.link-secret", LINK_SECRET);
        properties.putAll(extra);
        return new BotInstance(new SpringApplicationBuilder(TelegramTestApp.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run());
    }

    public static BotInstance start(FakeBotApi api, String keyPrefix) {
        return start(api, keyPrefix, Map.of());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
