package com.disputeassistant.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
    private final HttpUrl fileBase;
    private final String botToken;

    /** @param readTimeout how long to wait for an answer once the request is sent */
    public TelegramHttp(TelegramSettings settings, Duration readTimeout) {
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        this.client = new OkHttpTelegramClient(http, settings.botToken(), settings.telegramUrl());
        this.fileBase = HttpUrl.get(settings.apiUrl());
        this.botToken = settings.botToken();
    }

    /**
     * A stream of the file at {@code filePath} (what {@code getFile} answered), from {@code
     * /file/bot<token>/<file_path>} of the configured Bot API server. Not TelegramBots' own download, which
     * always asks api.telegram.org, whatever server the bot uses (a local Bot API server, a test's fake).
     * Failures say the path, never the URL, which holds the bot token.
     */
    public InputStream download(String filePath) throws IOException {
        HttpUrl.Builder url = fileBase.newBuilder().addPathSegment("file").addPathSegment("bot" + botToken);
        for (String segment : filePath.split("/")) {
            url.addPathSegment(segment);
        }
        Response response;
        try {
            response = http.newCall(new Request.Builder().url(url.build()).get().build()).execute();
        } catch (IOException e) {
            throw new IOException("downloading " + filePath + " failed: " + e.getClass().getSimpleName(), null);
        }
        if (!response.isSuccessful() || response.body() == null) {
            response.close();
            throw new IOException("downloading " + filePath + " got HTTP " + response.code());
        }
        return response.body().byteStream();
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
