package com.disputeassistant.faults;

import com.disputeassistant.slack.FakeSlackApi;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What every scenario runs against, started once per test JVM (an app instance takes many seconds to start on
 * a busy machine): one {@code redis-server}, the fake Slack Web API and Telegram Bot API, and two app instances
 * sharing that Redis, each with the playground on and both chat adapters pointed at the fakes. Each scenario
 * uses its own range of orders of the marketplace file (see {@link #CONFLICTS}, {@link #REDIS}, {@link #CRASH}),
 * so none sees another's disputes. Stopped when the JVM exits.
 */
final class FaultEnvironment {
    /** Orders 0..999: one round of conflicting presses each; experts on the web. */
    static final Range CONFLICTS = new Range(0, 1_000);
    /** Redis killed and frozen: experts on the web. */
    static final Range REDIS = new Range(1_000, 8);
    /** App instances killed: experts on the web, on Slack and on Telegram, a third each. */
    static final Range CRASH = new Range(1_008, 12);
    static final long TELEGRAM_IDS = 300_000;
    private static final String SIGNING_SECRET = "fault-signing-secret";

    private static FaultEnvironment started;

    final RedisProcess redis;
    final FakeSlackApi slack;
    final FakeBotApi telegram;
    final AppProcess[] apps = new AppProcess[2];
    final Playground[] playgrounds = new Playground[2];

    /** Orders {@code first} to {@code first + size - 1}. */
    record Range(int first, int size) {
        int end() {
            return first + size;
        }
    }

    private FaultEnvironment(RedisProcess redis) throws Exception {
        this.redis = redis;
        slack = new FakeSlackApi();
        telegram = new FakeBotApi();
        Path marketplace = FaultMarketplace.write(CRASH.end(), FaultEnvironment::expert);
        Map<String, String> settings = new HashMap<>(Map.ofEntries(
                Map.entry("dispute.redis.url", redis.url()),
                Map.entry("dispute.redis.key-prefix", "fault:"),
                Map.entry("dispute.marketplace.file", marketplace.toString()),
                Map.entry("dispute.playground.enabled", "true")));
        settings.putAll(telegram.appSettings());
        settings.putAll(slack.appSettings(SIGNING_SECRET));
        CompletableFuture<AppProcess> a = CompletableFuture.supplyAsync(() -> startApp("a", settings));
        CompletableFuture<AppProcess> b = CompletableFuture.supplyAsync(() -> startApp("b", settings));
        apps[0] = a.join();
        apps[1] = b.join();
        for (int i = 0; i < 2; i++) {
            playgrounds[i] = new Playground(apps[i]);
        }
    }

    /** The environment, started on first use; skips the calling test where redis-server is missing. */
    static synchronized FaultEnvironment get() throws Exception {
        if (started == null) {
            RedisProcess redis = RedisProcess.start();
            try {
                started = new FaultEnvironment(redis);
            } catch (Exception | Error e) {
                redis.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fault-environment-stop"));
        }
        return started;
    }

    private static AppProcess startApp(String name, Map<String, String> settings) {
        try {
            return AppProcess.start(name, settings);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Order {@code i}'s expert: on the web, except in the app-crash range, where a third is on each channel. */
    static String expert(int i) {
        if (i < CRASH.first()) {
            return "web:e" + i;
        }
        return switch (i % 3) {
            case 0 -> "web:e" + i;
            case 1 -> "slack:" + FakeSlackApi.TEAM + "/UE" + i;
            default -> "telegram:" + (TELEGRAM_IDS + i);
        };
    }

    private void close() {
        for (AppProcess app : apps) {
            try {
                app.close();
            } catch (Exception | Error e) {
                // the JVM is exiting: nothing left to tell
            }
        }
        slack.close();
        telegram.close();
        try {
            redis.close();
        } catch (Exception e) {
            // as above
        }
    }
}
