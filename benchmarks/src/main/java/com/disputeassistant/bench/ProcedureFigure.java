package com.disputeassistant.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link ProcedureBenchmark} with JMH in a forked JVM and reports its cost per transition. */
final class ProcedureFigure {
    private final BenchSettings settings;
    private final Report report;

    ProcedureFigure(BenchSettings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run() {
        int iterations = settings.name().equals("quick") ? 3 : 5;
        TimeValue time = TimeValue.seconds(settings.name().equals("quick") ? 1 : 2);
        String what = String.format("JMH, 1 fork, 1 thread, %d warm-up and %d measured iterations of %s",
                iterations, iterations, time);
        report.section("1b. The procedure alone (no Redis, no text)", what);
        Options options = new OptionsBuilder().include(ProcedureBenchmark.class.getName())
                .forks(1).threads(1).warmupIterations(iterations).warmupTime(time)
                .measurementIterations(iterations).measurementTime(time)
                .jvmArgs("-Xmx512m").build();
        try {
            Collection<RunResult> results = new Runner(options).run();
            for (RunResult result : results) {
                double micros = result.getPrimaryResult().getScore();
                // One row per path: the engine's direct one and the full machine it replaced.
                report.row("1b. State machine per transition (JMH, " + result.getParams().getParam("path") + ")", what, Report.decimal(micros
                        / ProcedureBenchmark.TRANSITIONS) + " µs (open + " + ProcedureBenchmark.TRANSITIONS
                        + " transitions: " + Report.decimal(micros) + " ± "
                        + Report.decimal(result.getPrimaryResult().getScoreError()) + " µs)", "");
            }
        } catch (RunnerException e) {
            report.line("JMH failed: " + e.getMessage());
        }
    }
}
