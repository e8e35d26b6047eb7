package com.disputeassistant.telegram.webhook;

import com.disputeassistant.telegram.Backoff;
import com.disputeassistant.telegram.BotCall;
import com.disputeassistant.telegram.TelegramHttp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Tells Telegram where to post updates, with the secret token it must send, and registers the command
 * menu. Runs on a thread of its own, retrying until Telegram answers, so that a Telegram outage at start
 * delays the channel but does not stop the application. Every instance registers the same URL: doing it
 * twice is harmless.
 */
final class WebhookRegistration implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final Thread worker;

    /** @param registerCommands registers the command menu */
    WebhookRegistration(TelegramClient client, String url, String secret, List<String> allowedUpdates,
                        BotCall registerCommands, Backoff backoff) {
        SetWebhook setWebhook = SetWebhook.builder().url(url).secretToken(secret).allowedUpdates(allowedUpdates)
                .dropPendingUpdates(false).build();
        this.worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    client.execute(setWebhook);
                    registerCommands.run();
                    log.info("Telegram webhook set to {}", url);
                    return;
                } catch (TelegramApiException | RuntimeException e) {
                    log.warn("Could not set the Telegram webhook ({}); trying again shortly", TelegramHttp.reason(e));
                }
                if (!backoff.pause()) {
                    return;
                }
            }
        }, "telegram-webhook-registration");
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
