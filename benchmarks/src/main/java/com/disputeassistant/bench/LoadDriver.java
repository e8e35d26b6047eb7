package com.disputeassistant.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives lanes with a fixed number of threads. Each lane's messages go one after another (a person waits
 * for the bot's answer before the next message), while many lanes are in flight at once; a thread takes
 * the lane that has waited longest, so every open dispute gets its turn.
 *
 * <p>Two ways: at saturation (every thread sends as fast as answers come back: the most the system does),
 * and at a fixed offered rate (a message is due every 1/rate seconds whatever happens, and its latency
 * counts from when it was due, so a stall delays all the messages behind it as it would real people's,
 * rather than hiding them: no coordinated omission).
 */
final class LoadDriver {
    private final List<Lane> lanes;
    private final int concurrency;
    private final CountingRedis redis;
    private final RedisInfo info;

    LoadDriver(List<Lane> lanes, int concurrency, CountingRedis redis, RedisInfo info) {
        this.lanes = lanes;
        this.concurrency = concurrency;
        this.redis = redis;
        this.info = info;
    }

    /** Every thread sends as fast as it can for warm-up plus measure; only the measure part counts. */
    Measurement saturate(Work work, Duration warmUp, Duration measure) {
        ConcurrentLinkedQueue<Lane> free = new ConcurrentLinkedQueue<>(lanes);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean recording = new AtomicBoolean();
        Tally tally = new Tally();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    Lane lane = free.poll();
                    if (lane == null) {
                        Thread.onSpinWait();
                        continue;
                    }
                    long start = System.nanoTime();
                    tally.send(work, lane, recording.get(), start);
                    free.add(lane);
                }
            }, "bench-driver-" + i);
            threads.add(thread);
            thread.start();
        }
        sleep(warmUp);
        Snapshot before = Snapshot.take(redis, info);
        long startCount = tally.messages.sum();
        recording.set(true);
        sleep(measure);
        recording.set(false);
        Snapshot after = Snapshot.take(redis, info);
        long messages = tally.messages.sum() - startCount;
        stop.set(true);
        threads.forEach(LoadDriver::join);
        return Measurement.between(before, after, messages, tally.latencies, tally.errors.sum(), tally.firstError());
    }

    /**
     * Unmeasured load at saturation in rounds of {@code round}, until the last {@code rounds} rounds' throughputs
     * are within {@code tolerance} of each other (the highest at most that fraction above the lowest), or
     * until {@code cap} has passed: the JIT has compiled the hot paths once throughput stops climbing.
     */
    WarmUp warmUntilStable(Work work, Duration round, int rounds, double tolerance, Duration cap) {
        long started = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        while (true) {
            rates.add(saturate(work, Duration.ZERO, round).perSecond());
            boolean stable = WarmUp.stable(rates, rounds, tolerance);
            Duration spent = Duration.ofNanos(System.nanoTime() - started);
            if (stable || spent.compareTo(cap) >= 0) {
                return new WarmUp(spent, List.copyOf(rates), stable);
            }
        }
    }

    /** A message is due every 1/perSecond seconds for warm-up plus measure; latency counts from when it was due. */
    Measurement atRate(Work work, int perSecond, Duration warmUp, Duration measure) {
        ConcurrentLinkedQueue<Lane> free = new ConcurrentLinkedQueue<>(lanes);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Tally tally = new Tally();
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        Snapshot before = null;
        for (long i = 0; ; i++) {
            long due = start + i * period;
            if (due >= end) {
                break;
            }
            waitUntil(due);
            if (before == null && due >= measureFrom) {
                before = Snapshot.take(redis, info);
            }
            Lane lane;
            while ((lane = free.poll()) == null) {
                LockSupport.parkNanos(20_000);
            }
            Lane taken = lane;
            boolean recorded = due >= measureFrom;
            pool.execute(() -> {
                tally.send(work, taken, recorded, due);
                free.add(taken);
            });
        }
        // Before the pool's threads end, so that their allocation counters are still there to read.
        Snapshot after = Snapshot.take(redis, info);
        long messages = tally.latencies.count();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (before == null) {
            before = after;
        }
        return Measurement.between(before, after, messages, tally.latencies, tally.errors.sum(), tally.firstError());
    }

    /** Counts messages, latencies and failures; a failure is counted and the driver goes on. */
    private static final class Tally {
        final Latencies latencies = new Latencies();
        final LongAdder messages = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicReference<RuntimeException> first = new AtomicReference<>();

        void send(Work work, Lane lane, boolean recorded, long dueNanos) {
            try {
                work.send(lane);
                if (recorded) {
                    latencies.record(System.nanoTime() - dueNanos);
                }
                messages.increment();
            } catch (RuntimeException e) {
                errors.increment();
                first.compareAndSet(null, e);
            }
        }

        String firstError() {
            RuntimeException e = first.get();
            return e == null ? null : e.toString();
        }
    }

    static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
