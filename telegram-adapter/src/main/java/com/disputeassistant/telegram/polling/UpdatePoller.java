package com.disputeassistant.telegram.polling;

import com.disputeassistant.telegram.Backoff;
import com.disputeassistant.telegram.BotCall;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.updates.UpdateHandler;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Long polling, driven here rather than by TelegramBots' poller, which confirms updates to Telegram before
 * they are handled: one worker thread calls getUpdates with the offset from Redis, handles each update in
 * order, and only then advances the offset. A crash anywhere in between leaves the update unconfirmed, so
 * Telegram hands it out again, and the handler's de-duplication makes sure it is applied once.
 *
 * <p>An update whose handling fails is tried again on the next poll. One that keeps failing for a reason
 * other than Redis (a bug) would hold up everyone behind it: after {@value #ATTEMPTS_BEFORE_PARKING}
 * attempts it is parked in Redis for a person to look at, and polling goes on. While Redis itself fails,
 * nothing is parked or skipped; polling waits for Redis.
 */
final class UpdatePoller implements AutoCloseable {
    static final int ATTEMPTS_BEFORE_PARKING = 3;
    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    private final TelegramHttp http;
    private final TelegramClient client;
    private final PollOffset offset;
    private final Consumer<Update> handler;
    private final ParkedUpdates parked;
    private final BotCall setUp;
    private final int timeoutSeconds;
    private final Backoff backoff;
    private final Thread worker;
    private volatile boolean running;
    private int failedUpdate = -1;
    private int failures;

    /**
     * @param http       the poller's own client, whose read timeout is longer than {@code timeout}; closed
     *                   with the poller
     * @param setUp      what to do before the first poll (delete any webhook, register commands); throws
     *                   to be tried again
     */
    UpdatePoller(TelegramHttp http, PollOffset offset, Consumer<Update> handler,
                 ParkedUpdates parked, BotCall setUp, Duration timeout, Backoff backoff) {
        this.http = http;
        this.client = http.client();
        this.offset = offset;
        this.handler = handler;
        this.parked = parked;
        this.setUp = setUp;
        this.timeoutSeconds = (int) timeout.toSeconds();
        this.backoff = backoff;
        this.worker = new Thread(this::run, "telegram-poller");
        this.worker.setDaemon(true);
    }

    void start() {
        running = true;
        worker.start();
    }

    /** Stops after the update in hand, if any, is handled; an update not yet handled stays unconfirmed. */
    @Override
    public void close() {
        running = false;
        // A getUpdates call in flight would hold the worker for up to the poll timeout.
        http.cancelCalls();
        worker.interrupt();
        try {
            worker.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    /** Deletes any webhook (Telegram refuses getUpdates while one is set) and drops nothing it had queued. */
    static void deleteWebhook(TelegramClient client) throws TelegramApiException {
        client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
    }

    private void run() {
        while (running && !setUpDone()) {
            if (!backoff.pause()) {
                return;
            }
        }
        backoff.reset();
        while (running) {
            try {
                pollOnce();
                backoff.reset();
            } catch (TelegramApiException e) {
                if (running) {
                    log.warn("Telegram getUpdates failed ({}); polling again shortly", TelegramHttp.reason(e));
                }
                if (!backoff.pause()) {
                    return;
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Handling Telegram updates failed; the update stays unconfirmed and is tried again", e);
                }
                if (!backoff.pause()) {
                    return;
                }
            }
        }
    }

    private boolean setUpDone() {
        try {
            setUp.run();
            log.info("Telegram long polling started");
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not prepare Telegram long polling ({}); trying again shortly", TelegramHttp.reason(e));
            return false;
        }
    }

    private void pollOnce() throws TelegramApiException {
        long from = offset.next();
        List<Update> updates = client.execute(GetUpdates.builder()
                .offset((int) from).timeout(timeoutSeconds).allowedUpdates(UpdateHandler.ALLOWED_UPDATES).build());
        for (Update update : updates) {
            if (!running) {
                return;
            }
            if (update.getUpdateId() < from) {
                continue;
            }
            handleOrPark(update);
            offset.advanceTo(update.getUpdateId() + 1L);
        }
    }

    private void handleOrPark(Update update) {
        try {
            handler.accept(update);
            failures = 0;
        } catch (JedisException e) {
            throw e;
        } catch (RuntimeException e) {
            failures = update.getUpdateId() == failedUpdate ? failures + 1 : 1;
            failedUpdate = update.getUpdateId();
            if (failures < ATTEMPTS_BEFORE_PARKING) {
                throw e;
            }
            log.error("Update {} failed {} times; parking it in Redis and going on", update.getUpdateId(), failures, e);
            parked.park(update, e);
            failures = 0;
        }
    }
}
