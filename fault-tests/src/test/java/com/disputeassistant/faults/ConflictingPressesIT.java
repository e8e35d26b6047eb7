package com.disputeassistant.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * 1,000 rounds of one button pressed at the same moment through two app instances sharing Redis: each round a
 * client's dispute reaches the talking step and the client's Escalate button is pressed twice at once, once on
 * each instance. Exactly one press may win: the dispute moves on once, and each party is asked about the terms
 * once.
 */
@Order(1)
class ConflictingPressesIT {
    private static final FaultEnvironment.Range ROUNDS = FaultEnvironment.CONFLICTS;
    private static final int WORKERS = 6;
    /** The start of what a stale press is answered (general.stale). */
    private static final String STALE = "That choice belongs to an earlier step";
    private static FaultEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = FaultEnvironment.get();
    }

    @Test
    void twoInstancesPressingOneButtonAtOnceHaveExactlyOneWinnerInEachOfAThousandRounds() throws Exception {
        int rounds = Math.min(ROUNDS.size(), Integer.getInteger("faults.rounds", ROUNDS.size()));
        AtomicInteger next = new AtomicInteger(ROUNDS.first());
        AtomicInteger errors500 = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService pressers = Executors.newFixedThreadPool(2 * WORKERS);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < ROUNDS.first() + rounds; i = next.getAndIncrement()) {
                    String problem = round(i, pressers, errors500);
                    if (problem != null) {
                        wrong.add("round " + i + ": " + problem);
                    }
                }
            }, "presses-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        pressers.shutdown();

        System.out.printf("FAULTS conflicting presses: rounds %d, rounds without exactly one winner %d, 500s %d%n",
                rounds, wrong.size(), errors500.get());
        assertThat(wrong).as("rounds without exactly one winner").isEmpty();
        assertThat(errors500).as("500s").hasValue(0);
    }

    /**
     * One round; returns what was wrong with it, or null when exactly one press won: the expert is asked about
     * the terms once per press that moved the dispute on, and the client is told once per press that came too late.
     */
    private static String round(int i, ExecutorService pressers, AtomicInteger errors500) {
        Playground[] playgrounds = env.playgrounds;
        String client = FaultMarketplace.client(i);
        String escalate = Disputes.openToTalking(playgrounds[i % 2], i);
        CountDownLatch together = new CountDownLatch(1);
        List<CompletableFuture<Integer>> presses = new ArrayList<>();
        for (Playground playground : playgrounds) {
            presses.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(together);
                return playground.presses(client, escalate);
            }, pressers));
        }
        together.countDown();
        for (CompletableFuture<Integer> press : presses) {
            int status = press.join();
            if (status >= 500 && status != 503) {
                errors500.incrementAndGet();
            }
        }
        long movedOn = playgrounds[1].inbox("web:e" + i).stream()
                .filter(m -> m.options().stream().anyMatch(o -> o.label().startsWith("These terms apply"))).count();
        long tooLate = playgrounds[0].inbox(client).stream().filter(m -> m.text().startsWith(STALE)).count();
        return movedOn == 1 && tooLate == 1 ? null
                : "moved on " + movedOn + " times, " + tooLate + " presses told they came too late";
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
