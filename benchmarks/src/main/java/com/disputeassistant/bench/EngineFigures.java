package com.disputeassistant.bench;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Figures 1 to 3: the engine with Redis after a warm-up until its throughput is stable, at saturation in
 * rounds alternating with bare Jedis doing the engine's calls (the ratio and its spread), at a fixed rate,
 * the peer recipe, and the growth from 1,000 to 100,000 (or a million) open disputes with memory per
 * dispute and the JVM heap. Allocation, JVM and Redis CPU per message for every measured stretch.
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

        String common = String.format("%d open disputes, %d threads and Redis connections, %s settling and %s "
                        + "measured per stretch", open, settings.concurrency(), settings.seconds(settings.settle()),
                settings.seconds(settings.measure()));
        report.section("1. Engine throughput and latency", common + "; the dispute script has "
                + DisputeScript.SETTLED_AT_A_FAIR_FEE.size() + " messages, each with a delivery id; warm-up: "
                + settings.warmUp().describe());
        WarmUp warmUp = warm(driver, work);
        report.row("1. Warm-up (engine at saturation, unmeasured)", settings.warmUp().describe(), warmUp.summary(), "");

        DisputeMemory memory = DisputeMemory.of(info, prefix, IntStream.range(0, Math.min(open, MEMORY_SAMPLE))
                .boxed().toList());
        report.section("2. Engine and bare Redis alternately", common + String.format(
                "; %d rounds of each, the bare one copying the engine's calls of the round just before "
                        + "(its scripts write %s bytes, the size of a dispute's stored form)", settings.rounds(),
                Report.decimal(memory.jsonBytes())));
        List<Measurement> engineRounds = new ArrayList<>();
        List<Measurement> bareRounds = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        String bareShape = "";
        for (int round = 1; round <= settings.rounds(); round++) {
            Measurement byEngine = driver.saturate(work, settings.settle(), settings.measure());
            describe("round " + round + ", engine", byEngine);
            BareRedisWork bare = new BareRedisWork(redis, prefix, byEngine.callsPerMessage(), (int) memory.jsonBytes());
            bareShape = bare.shape();
            Measurement byBare = driver.saturate(bare, settings.settle(), settings.measure());
            describe("round " + round + ", bare (" + bare.shape() + ")", byBare);
            engineRounds.add(byEngine);
            bareRounds.add(byBare);
            ratios.add(byEngine.perSecond() / Math.max(1, byBare.perSecond()));
        }
        Measurement saturated = medianRound(engineRounds);
        Measurement baseline = medianRound(bareRounds);
        Spread engineRates = rates(engineRounds);
        report.row("1. Engine at saturation", common + "; " + settings.rounds() + " rounds",
                Report.decimal(engineRates.median()) + " msg/s (min " + Report.decimal(engineRates.min()) + ", max "
                        + Report.decimal(engineRates.max()) + "); median round: " + costs(saturated) + "; "
                        + saturated.latencies().summary(),
                "≥ 6,000 msg/s (quiet machine): " + Report.verdict(engineRates.median() >= 6000)
                        + "; ≤ 200 µs JVM: " + Report.verdict(saturated.jvmCpuMicrosPerMessage() <= 200)
                        + "; ≤ 70 µs Redis: " + Report.verdict(saturated.redisCpuMicrosPerMessage() <= 70)
                        + "; ≤ 30 KB allocated: " + Report.verdict(saturated.allocatedBytesPerMessage() <= 30 * 1024));
        Spread bareRates = rates(bareRounds);
        report.row("2. Bare Jedis, the engine's calls", common + "; per message: " + bareShape,
                Report.decimal(bareRates.median()) + " msg/s (min " + Report.decimal(bareRates.min()) + ", max "
                        + Report.decimal(bareRates.max()) + "); median round: " + costs(baseline) + "; "
                        + baseline.latencies().summary(), "");
        Spread ratio = new Spread(ratios);
        report.row("2. Ratio engine / bare Redis", "throughput of each engine round over the bare round after it, "
                + settings.rounds() + " rounds alternately", ratio.summary(),
                "≥ 0.4: " + Report.verdict(ratio.median() >= 0.4));
        report.compare("this project (engine)", saturated, Report.decimal(memory.hashAndIndexes()));
        report.compare("bare Jedis, the engine's calls", baseline, "–");

        Measurement paced = driver.atRate(work, settings.ratePerSecond(), settings.settle(), settings.measure());
        describe("fixed rate", paced);
        report.row("1. Engine at " + settings.ratePerSecond() + " msg/s offered", common,
                paced.latencies().summary() + "; achieved " + Report.decimal(paced.perSecond()) + " msg/s; "
                        + costs(paced),
                "p99 ≤ 10 ms: " + Report.verdict(paced.latencies().percentileMillis(99) <= 10));

        peer(redis, info, prefix, marketplace, lanes, clock, common);
        growth(driver, work, store, marketplace, procedureSettings, clock, info, prefix, memory);
    }

    /** The peer row: the documented persister recipe on the same lanes, its own keys, at saturation. */
    private void peer(CountingRedis redis, RedisInfo info, String prefix, SyntheticMarketplace marketplace,
                      List<Lane> lanes, Clock clock, String common) {
        report.section("Peer: Spring Statemachine's persister recipe", common + "; pooled machines, GET and SET "
                + "of the context per event, the " + PersisterRecipe.SCRIPT.size() + " procedure events of the script");
        PersisterRecipe recipe = new PersisterRecipe(redis, prefix, marketplace, lanes.size(), clock);
        LoadDriver driver = new LoadDriver(lanes, settings.concurrency(), redis, info);
        warm(driver, recipe);
        Measurement peer = driver.saturate(recipe, settings.settle(), settings.measure());
        describe("peer", peer);
        double bytes = IntStream.range(0, Math.min(lanes.size(), MEMORY_SAMPLE))
                .mapToLong(n -> info.memoryUsage(recipe.key(n))).average().orElse(0);
        report.row("Peer: persister recipe (pooled machines, GET/SET)", common + "; one message = one procedure "
                        + "event; no delivery ids, indexes, timeline or transcript; loses concurrent updates",
                Report.decimal(peer.perSecond()) + " msg/s; " + costs(peer) + "; " + Report.decimal(bytes)
                        + " B per dispute (MEMORY USAGE of the context); " + peer.latencies().summary(), "");
        report.compare("Spring Statemachine's persister recipe (pooled machines, GET/SET)", peer, Report.decimal(bytes));
    }

    private WarmUp warm(LoadDriver driver, Work work) {
        BenchSettings.WarmUpPlan plan = settings.warmUp();
        WarmUp warmUp = driver.warmUntilStable(work, plan.round(), plan.rounds(), plan.tolerance(), plan.cap());
        report.line("warm-up " + warmUp.summary());
        return warmUp;
    }

    private static Spread rates(List<Measurement> rounds) {
        return new Spread(rounds.stream().map(Measurement::perSecond).toList());
    }

    /** The round whose throughput is the median (the lower of the two middle ones for an even count). */
    static Measurement medianRound(List<Measurement> rounds) {
        List<Measurement> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Measurement::perSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** "412 µs JVM CPU, 151 KB allocated, 140 µs Redis CPU, 3.22 round trips per message" */
    static String costs(Measurement m) {
        return String.format("%s µs JVM CPU, %s KB allocated, %s µs Redis CPU, %s round trips per message",
                Report.decimal(m.jvmCpuMicrosPerMessage()), Report.decimal(m.allocatedBytesPerMessage() / 1024),
                Report.decimal(m.redisCpuMicrosPerMessage()), Report.decimal(m.roundTripsPerMessage()));
    }

    private void growth(LoadDriver driver, EngineWork work, RedisDisputeStore store, SyntheticMarketplace marketplace,
                        ProcedureSettings procedureSettings, Clock clock, RedisInfo info, String prefix,
                        DisputeMemory memory) {
        int open = settings.openDisputes();
        report.section("3. Growth", String.format("%d disputes in flight among %s open; %d threads; warm-up %s, "
                        + "measured %s each; memory sampled over %d in-flight disputes", open, settings.growth(),
                settings.concurrency(), settings.seconds(settings.settle()), settings.seconds(settings.measure()),
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
                at = driver.saturate(work, settings.settle(), settings.measure());
                describe("growth " + size, at);
            } else {
                long usedBefore = info.usedMemory();
                long started = System.nanoTime();
                Preload.Outcome preloaded = preload.open(loaded, size, settings.concurrency());
                double seconds = (System.nanoTime() - started) / 1e9;
                long grown = info.usedMemory() - usedBefore;
                report.line(String.format("pre-loaded %,d disputes in %s s (%s/s), %s; used_memory grew %s B per "
                        + "dispute", size - loaded, Report.decimal(seconds), Report.decimal((size - loaded) / seconds),
                        preloaded, Report.decimal((double) grown / (size - loaded))));
                memoryNote = "; used_memory +" + Report.decimal((double) grown / (size - loaded))
                        + " B per pre-loaded (talking) dispute, " + Report.decimal(info.usedMemory() / 1024.0 / 1024)
                        + " MB in all; pre-load of " + String.format("%,d", size - loaded) + " took "
                        + Report.decimal(seconds) + " s" + (preloaded.failed() > 0 ? " (" + preloaded + ")" : "");
                loaded = size;
                at = driver.saturate(work, settings.settle(), settings.measure());
                describe("growth " + size, at);
            }
            long openNow = info.sortedSetSize(prefix + "timers");
            report.row(String.format("3. Growth: %,d open", size), String.format(
                    "%d threads, saturation; %,d open disputes with a timer at the end", settings.concurrency(), openNow),
                    String.format("%s msg/s, %s; p99 %s ms; heap after %s MB%s", Report.decimal(at.perSecond()),
                            costs(at), Report.decimal(at.latencies().percentileMillis(99)),
                            Report.decimal(heapAfterGcMegabytes()), memoryNote + (at.errors() == 0 ? ""
                                    : "; " + at.errors() + " messages failed (first: " + at.firstError() + ")")),
                    "flat cost per message");
        }
    }

    private void describe(String what, Measurement m) {
        report.line(String.format("%s: %,d messages in %s s = %s msg/s; %s; %s (%s); %d errors%s", what, m.messages(),
                Report.decimal(m.seconds()), Report.decimal(m.perSecond()), m.latencies().summary(), costs(m),
                m.calls(), m.errors(), m.firstError() == null ? "" : " (first: " + m.firstError() + ")"));
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
