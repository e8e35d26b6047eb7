package com.disputeassistant.telegram;

import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.testing.RedisTestSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.UnifiedJedis;

/**
 * One running instance of the bot: a Spring context with the Telegram channel on, talking to the fake
 * Bot API, under a key prefix that several instances (a restart) share.
 */
public final class BotInstance implements AutoCloseable {
    public static final String LINK_SECRET = "secret-shared-with-the-marketplace";

    private final ConfigurableApplicationContext context;
    private final FakeBotApi api;
    private final String keyPrefix;

    private BotInstance(ConfigurableApplicationContext context, FakeBotApi api, String keyPrefix) {
        this.context = context;
        this.api = api;
        this.keyPrefix = keyPrefix;
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
                .run(), api, keyPrefix);
    }

    public static BotInstance start(FakeBotApi api, String keyPrefix) {
        return start(api, keyPrefix, Map.of());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A Telegram user talking to this bot, who knows an update is handled once the stored offset passed it. */
    public TelegramUser user(long id) {
        return new TelegramUser(api, id, this::pollOffset);
    }

    /** The polling offset in Redis: the first update id not yet handled. */
    public long pollOffset() {
        String stored = bean(UnifiedJedis.class).get(keyPrefix + "telegram:offset");
        return stored == null ? 0 : Long.parseLong(stored);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Stops the bot and the fake, and deletes every key the bot wrote: the end of a test class or test. */
    public void closeAll() {
        close();
        api.close();
        try (UnifiedJedis redis = RedisConnections.connect(RedisTestSupport.redisUrl())) {
            RedisTestSupport.deleteKeys(redis, keyPrefix);
        }
    }
}
