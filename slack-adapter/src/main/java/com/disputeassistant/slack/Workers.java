package com.disputeassistant.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the work behind a Slack request runs, after the request was acked (Slack wants the ack within
 * three seconds; a turn may take longer). One queue per person, picked by hashing their Slack user id,
 * so one person's messages are handled in the order they came (two task lines in a row stay in order),
 * while different people are handled in parallel.
 */
final class Workers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Workers.class);
    private static final int QUEUE_CAPACITY = 1000;

    private final List<ExecutorService> lanes = new ArrayList<>();

    Workers(int count) {
        for (int i = 0; i < count; i++) {
            String name = "slack-worker-" + i;
            lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE_CAPACITY),
                    task -> {
                        Thread thread = new Thread(task, name);
                        thread.setDaemon(true);
                        return thread;
                    }));
        }
    }

    /**
     * Queues the work in the person's lane; false when the lane is full. The caller then does not ack,
     * so Slack delivers the request again later rather than it being dropped.
     */
    boolean submit(String person, Runnable work) {
        ExecutorService lane = lanes.get(Math.floorMod(person.hashCode(), lanes.size()));
        try {
            lane.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // One failed turn must not stop the lane; the engine has not applied a failed turn.
                    log.error("Handling a Slack request from {} failed", person, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            log.warn("Too many Slack requests waiting; not acking one from {} so that Slack sends it again", person);
            return false;
        }
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
