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
 *
 * <p><b>Several instances</b> each run a poller, but only the one holding the {@link PollerLease} polls; the
 * others try to take the lease every {@link #takeEvery()}. A thread of its own renews the lease three times per
 * TTL; once renewal fails (another instance holds the lease, or Redis was unreachable for a whole TTL), the
 * poller stops polling at once, cancelling the call in flight, and goes back to trying. The offset lives in
 * Redis, so whoever polls next starts right after the last update handled: none is lost, and one handled but
 * not yet recorded in the offset (the poller died in between) comes again and is recognised by the handler's
 * de-duplication. A poller that stops gives the lease back after its last update, so another takes over at
 * once; one that dies is replaced a lease TTL later.
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
    private final PollerLease lease;
    private final Thread worker;
    private final Thread renewer;
    private volatile boolean running;
    /** Whether this instance holds the lease: set by the worker when it takes it, cleared by either thread. */
    private volatile boolean polling;
    /** Set by {@link #haltAsIfKilled()}: a killed process gives nothing back. */
    private volatile boolean killed;
    /** System.nanoTime() of the last renewal that reached Redis. */
    private volatile long renewedAt;
    private int failedUpdate = -1;
    private int failures;

    /**
     * @param http       the poller's own client, whose read timeout is longer than {@code timeout}; closed
     *                   with the poller
     * @param lease      the lease all instances compete for: this poller polls only while it holds it
     * @param setUp      what to do before the first poll (delete any webhook, register commands); throws
     *                   to be tried again
     */
    UpdatePoller(TelegramHttp http, PollOffset offset, PollerLease lease, Consumer<Update> handler,
                 ParkedUpdates parked, BotCall setUp, Duration timeout, Backoff backoff) {
        this.http = http;
        this.lease = lease;
        this.client = http.client();
        this.offset = offset;
        this.handler = handler;
        this.parked = parked;
        this.setUp = setUp;
        this.timeoutSeconds = (int) timeout.toSeconds();
        this.backoff = backoff;
        this.worker = new Thread(this::run, "telegram-poller");
        this.worker.setDaemon(true);
        this.renewer = new Thread(this::renew, "telegram-poller-lease");
        this.renewer.setDaemon(true);
    }

    void start() {
        running = true;
        worker.start();
        renewer.start();
    }

    /**
     * Stops after the update in hand, if any, is handled (an update not yet handled stays unconfirmed), then
     * gives the lease back so that another instance polls at once.
     */
    @Override
    public void close() {
        stop();
        if (!worker.isAlive() && !killed) {
            try {
                lease.release();
            } catch (RuntimeException e) {
                log.warn("Could not give the Telegram polling lease back ({}); another instance polls once it expires",
                        e.toString());
            }
        }
        http.close();
    }

    /** Whether this instance is the one polling now. */
    boolean polling() {
        return polling;
    }

    /** Stops as a {@code kill -9} would, for tests: the lease is neither renewed nor given back, it expires. */
    void haltAsIfKilled() {
        killed = true;
        stop();
        http.close();
    }

    private void stop() {
        running = false;
        polling = false;
        // A getUpdates call in flight would hold the worker for up to the poll timeout.
        http.cancelCalls();
        worker.interrupt();
        renewer.interrupt();
        try {
            worker.join(Duration.ofSeconds(10).toMillis());
            renewer.join(Duration.ofSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How often an instance that does not poll tries to take the lease. */
    private Duration takeEvery() {
        return lease.ttl().dividedBy(5);
    }

    /** Renews the lease three times per TTL while this instance polls; stops polling once it cannot. */
    private void renew() {
        long every = Math.max(1, lease.ttl().toMillis() / 3);
        while (running) {
            if (polling) {
                boolean held;
                try {
                    held = lease.renew();
                    if (held) {
                        renewedAt = System.nanoTime();
                    }
                } catch (RuntimeException e) {
                    // Redis unreachable: the lease may still be ours, until a whole TTL passed without renewal.
                    held = System.nanoTime() - renewedAt < lease.ttl().toNanos();
                }
                if (!held && polling) {
                    log.warn("This instance lost the Telegram polling lease; another one polls now");
                    polling = false;
                    http.cancelCalls();
                }
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Deletes any webhook (Telegram refuses getUpdates while one is set) and drops nothing it had queued. */
    static void deleteWebhook(TelegramClient client) throws TelegramApiException {
        client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
    }

    private void run() {
        while (running) {
            if (!takeLease()) {
                return;
            }
            while (running && polling && !setUpDone()) {
                if (!backoff.pause()) {
                    return;
                }
            }
            backoff.reset();
            if (!pollWhileLeading()) {
                return;
            }
        }
    }

    /** Waits until this instance holds the lease; false if stopped meanwhile. */
    private boolean takeLease() {
        while (running) {
            try {
                if (lease.tryTake()) {
                    renewedAt = System.nanoTime();
                    polling = true;
                    log.info("This instance polls Telegram now (it holds the polling lease)");
                    return true;
                }
            } catch (RuntimeException e) {
                log.warn("Could not reach Redis for the Telegram polling lease ({}); trying again", e.toString());
            }
            try {
                Thread.sleep(takeEvery().toMillis());
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }

    /** Polls while this instance holds the lease; false if the worker must end (stopped or interrupted). */
    private boolean pollWhileLeading() {
        while (running && polling) {
            try {
                pollOnce();
                backoff.reset();
            } catch (TelegramApiException e) {
                if (!polling) {
                    continue; // the lease was lost and the call cancelled: nothing went wrong
                }
                if (running) {
                    log.warn("Telegram getUpdates failed ({}); polling again shortly", TelegramHttp.reason(e));
                }
                if (!backoff.pause()) {
                    return false;
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Handling Telegram updates failed; the update stays unconfirmed and is tried again", e);
                }
                if (!backoff.pause()) {
                    return false;
                }
            }
        }
        return running;
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
            if (!running || !polling) {
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
