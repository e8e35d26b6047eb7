package com.disputeassistant.app;

import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.testing.RedisTestSupport;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.UnifiedJedis;

/**
 * The whole application started by hand, for tests that must stop it before deleting their keys (a
 * running outbox or timer would otherwise write after the clean-up).
 */
public final class RunningApp {
    private RunningApp() {
    }

    /**
     * Starts the application with these settings, given as command-line arguments (they override
     * application.yml, which default properties do not), and these extra configuration classes.
     */
    public static ConfigurableApplicationContext start(Map<String, String> settings, Class<?>... extra) {
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = DisputeAssistantApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        return new SpringApplicationBuilder(sources)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** Stops the application (if it started), then deletes the keys under {@code prefix} and closes the fakes. */
    public static void stop(ConfigurableApplicationContext app, String prefix, AutoCloseable... fakes) throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            try (UnifiedJedis redis = RedisConnections.connect(RedisTestSupport.redisUrl())) {
                RedisTestSupport.deleteKeys(redis, prefix);
            }
            for (AutoCloseable fake : fakes) {
                fake.close();
            }
        }
    }
}
