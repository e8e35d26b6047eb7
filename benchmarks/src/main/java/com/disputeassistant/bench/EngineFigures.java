package com.disputeassistant.bench;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Figures 1 to 3: the engine with Redis at saturation and at a fixed rate, the same round trips with bare
 * Jedis, and the growth from 1,000 to 100,000 open disputes with memory per dispute and the JVM heap.
 * All in one process against one Redis, under one key prefix that is deleted at the end.
 */
final class EngineFigures {
    /** Lines each lane sends at least before anything is measured, so that every lane's dispute is open. */
    private static final int OPENING_LINES = 4;
    private static final int MEMORY_SAMPLE = 200;

    private final BenchSettings settings;
    private final String redisUrl;
    private final Report report;

    EngineFigures(BenchSettings settings, String redisUrl, Report report) {
        this.settings = settings;
        this.redisUrl = redisUrl;
        this.report = report;
    }

    void run() {
        String prefix = RedisTestSupport.uniquePrefix();
        try (CountingRedis redis = CountingRedis.connect(redisUrl, settings.concurrency());
             RedisInfo info = new RedisInfo(redisUrl)) {
            try {
                measure(redis, info, prefix);
            } finally {
                info.deleteKeys(prefix);
            }
        }
    }

    private void measure(CountingRedis redis, RedisInfo info, String prefix) {
        int open = settings.openDisputes();
        int largest = Math.max(open, Collections.max(settings.growth()));
        SyntheticMarketplace marketplace = new SyntheticMarketplace(largest);
        Clock clock = Clock.systemUTC();
        ProcedureSettings procedureSettings = ProcedureSettings.defaults();
        RedisDisputeStore store = new RedisDisputeStore(redis, prefix, clock);
        ConversationEngine engine = new ConversationEngine(marketplace, store, procedureSettings, clock);
        List<Lane> lanes = IntStream.range(0, open).mapToObj(n -> new Lane(n, DisputeScript.SETTLED_AT_A_FAIR_FEE))
                .toList();
        LoadDriver driver = new LoadDriver(lanes, settings.concurrency(), redis, info);
        EngineWork work = new EngineWork(engine);
        openEveryLane(lanes, work);

        String common = String.format("%d open disputes, %d threads and Redis connections, warm-up %s, measured %s",
                open, settings.concurrency(), settings.seconds(settings.warmUp()), settings.seconds(settings.measure()));
        report.section("1. Engine throughput and latency", common + "; the dispute script has "
                + DisputeScript.SETTLED_AT_A_FAIR_FEE.size() + " messages, each with a delivery id; after "
                + settings.seconds(settings.jitWarmUp()) + " of unmeasured load for the JIT");
        driver.saturate(work, settings.jitWarmUp(), Duration.ZERO);
        Measurement saturated = driver.saturate(work, settings.warmUp(), settings.measure());
        describe(saturated);
        report.row("1. Engine at saturation", common, Report.decimal(saturated.perSecond()) + " msg/s; "
                + saturated.latencies().summary(), "≥ 2,000 msg/s: " + Report.verdict(saturated.perSecond() >= 2000));
        Measurement paced = driver.atRate(work, settings.ratePerSecond(), settings.warmUp(), settings.measure());
        describe(paced);
        report.row("1. Engine at " + settings.ratePerSecond() + " msg/s offered", common,
                paced.latencies().summary() + "; achieved " + Report.decimal(paced.perSecond()) + " msg/s",
                "p99 ≤ 25 ms: " + Report.verdict(paced.latencies().percentileMillis(99) <= 25));

        DisputeMemory memory = DisputeMemory.of(info, prefix, IntStream.range(0, Math.min(open, MEMORY_SAMPLE))
                .boxed().toList());
        report.section("2. Bare Redis, the same round trips", common + String.format(
                "; %s round trips per message (%s reads and one write of %s bytes)",
                Report.decimal(saturated.roundTripsPerMessage()), Report.decimal(saturated.roundTripsPerMessage() - 1),
                Report.decimal(memory.jsonBytes())));
        BareRedisWork bare = new BareRedisWork(redis, prefix, saturated.roundTripsPerMessage(),
                (int) memory.jsonBytes());
        Measurement baseline = driver.saturate(bare, settings.warmUp(), settings.measure());
        describe(baseline);
        report.row("2. Bare Jedis, same round trips", common, Report.decimal(baseline.perSecond()) + " msg/s; "
                + baseline.latencies().summary(), "");
        report.row("2. Ratio engine / bare Redis", "throughput at saturation",
                Report.decimal(saturated.perSecond() / Math.max(1, baseline.perSecond())) + " ("
                        + Report.decimal(saturated.jvmCpuMicrosPerMessage()) + " µs JVM CPU per engine message vs "
                        + Report.decimal(baseline.jvmCpuMicrosPerMessage()) + " bare)", "");

        growth(driver, work, store, marketplace, procedureSettings, clock, info, prefix, memory);
    }

    private void growth(LoadDriver driver, EngineWork work, RedisDisputeStore store, SyntheticMarketplace marketplace,
                        ProcedureSettings procedureSettings, Clock clock, RedisInfo info, String prefix,
                        DisputeMemory memory) {
        int open = settings.openDisputes();
        report.section("3. Growth", String.format("%d disputes in flight among %s open; %d threads; warm-up %s, "
                        + "measured %s each; memory sampled over %d in-flight disputes", open, settings.growth(),
                settings.concurrency(), settings.seconds(settings.warmUp()), settings.seconds(settings.measure()),
                memory.disputes()));
        report.row("3. Redis memory per open dispute (MEMORY USAGE)", memory.disputes() + " disputes at every step",
                String.format("hash + indexes %s B (hash %s B, of which JSON %s B); + timeline %s B; + transcript %s B",
                        Report.decimal(memory.hashAndIndexes()), Report.decimal(memory.hash()),
                        Report.decimal(memory.jsonBytes()), Report.decimal(memory.withoutTranscript()),
                        Report.decimal(memory.withTranscript())),
                "≤ 2 KB without transcript: " + Report.verdict(memory.withoutTranscript() <= 2048));
        Preload preload = new Preload(store, marketplace, new Procedure(procedureSettings), clock);
        int loaded = open;
        for (int size : settings.growth()) {
            Measurement at;
            String memoryNote = "";
            if (size <= loaded) {
                // Measured again rather than reusing figure 1's: by now the JIT has warmed up, as for the larger sizes.
                at = driver.saturate(work, settings.warmUp(), settings.measure());
                describe(at);
            } else {
                long usedBefore = info.usedMemory();
                long started = System.nanoTime();
                int failed = preload.open(loaded, size, settings.concurrency());
                double seconds = (System.nanoTime() - started) / 1e9;
                long grown = info.usedMemory() - usedBefore;
                report.line(String.format("pre-loaded %,d disputes in %s s (%s/s), %d failed; used_memory grew %s B per "
                        + "dispute", size - loaded, Report.decimal(seconds), Report.decimal((size - loaded) / seconds),
                        failed, Report.decimal((double) grown / (size - loaded))));
                memoryNote = "; used_memory +" + Report.decimal((double) grown / (size - loaded))
                        + " B per pre-loaded (talking) dispute";
                loaded = size;
                at = driver.saturate(work, settings.warmUp(), settings.measure());
                describe(at);
            }
            long openNow = info.sortedSetSize(prefix + "timers");
            report.row(String.format("3. Growth: %,d open", size), String.format(
                    "%d threads, saturation; %,d open disputes with a timer at the end", settings.concurrency(), openNow),
                    String.format("%s msg/s, %s µs JVM CPU and %s µs Redis CPU per message, %s round trips; "
                                    + "p99 %s ms; heap after %s MB%s", Report.decimal(at.perSecond()),
                            Report.decimal(at.jvmCpuMicrosPerMessage()), Report.decimal(at.redisCpuMicrosPerMessage()),
                            Report.decimal(at.roundTripsPerMessage()), Report.decimal(at.latencies().percentileMillis(99)),
                            Report.decimal(heapAfterGcMegabytes()), memoryNote),
                    "flat cost per message");
        }
    }

    private void describe(Measurement m) {
        report.line(String.format("%,d messages in %s s = %s msg/s; %s; %s round trips, %s µs JVM CPU, %s µs Redis "
                        + "CPU per message; %d errors%s", m.messages(), Report.decimal(m.seconds()),
                Report.decimal(m.perSecond()), m.latencies().summary(), Report.decimal(m.roundTripsPerMessage()),
                Report.decimal(m.jvmCpuMicrosPerMessage()), Report.decimal(m.redisCpuMicrosPerMessage()), m.errors(),
                m.firstError() == null ? "" : " (first: " + m.firstError() + ")"));
    }

    /**
     * Opens every lane's dispute and spreads the lanes over the script (lane n stops at line 4 + n mod 18 or
     * so), before anything is measured. Lanes that all stood at the same line would close their disputes
     * at the same moment, and the number of open disputes would swing from 1,000 to none; spread out, about
     * 2 lanes in 23 are between two disputes at any time. This also warms the JIT up.
     */
    private void openEveryLane(List<Lane> lanes, Work work) {
        int spread = DisputeScript.SETTLED_AT_A_FAIR_FEE.size() - OPENING_LINES - 1;
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        for (Lane lane : lanes) {
            pool.execute(() -> IntStream.range(0, OPENING_LINES + lane.number % spread).forEach(i -> work.send(lane)));
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double heapAfterGcMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }
}
