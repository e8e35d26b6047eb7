package com.disputeassistant.telegram;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * A TelegramBots client on its own OkHttp client, so that its timeouts fit its use (a long poll waits far
 * longer for an answer than a sendMessage) and it can be shut down with the application: OkHttp's
 * dispatcher threads would otherwise outlive the context for a minute.
 */
public final class TelegramHttp implements AutoCloseable {
    private final OkHttpClient http;
    private final TelegramClient client;

    /** @param readTimeout how long to wait for an answer once the request is sent */
    public TelegramHttp(TelegramSettings settings, Duration readTimeout) {
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        this.client = new OkHttpTelegramClient(http, settings.botToken(), settings.telegramUrl());
    }

    public TelegramClient client() {
        return client;
    }

    /** Cancels the calls in flight: they fail at once instead of waiting for their answer. */
    public void cancelCalls() {
        http.dispatcher().cancelAll();
    }

    /** What went wrong with a call, down to its root cause (TelegramBots wraps "connection refused" twice). */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + ": " + root.getClass().getSimpleName() + " " + root.getMessage();
    }

    @Override
    public void close() {
        cancelCalls();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
