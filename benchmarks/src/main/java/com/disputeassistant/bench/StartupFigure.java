package com.disputeassistant.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Figure 5: from {@code java -jar config/target/dispute-assistant.jar} to {@code /readyz} UP (Redis answering), with no
 * settings at all (so with the embedded Redis, its data in a fresh temporary working directory, and every
 * channel but the web one off), launched {@code runs} times.
 */
final class StartupFigure {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final BenchSettings settings;
    private final Report report;

    StartupFigure(BenchSettings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run() {
        report.section("5. Start-up", settings.startupRuns() + " launch(es) of " + AppProcess.JAR
                + " with the embedded Redis, a fresh working directory and a free --server.port each");
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < settings.startupRuns(); run++) {
            Path dir = AppProcess.tempDir("startup");
            try (AppProcess app = AppProcess.launch(dir, Map.of())) {
                double took = app.awaitHealthy(TIMEOUT).toMillis() / 1000.0;
                seconds.add(took);
                report.line("launch " + (run + 1) + ": UP after " + Report.decimal(took) + " s"
                        + app.springStartedIn().map(s -> " (Spring Boot's own count: started in " + s + " s)").orElse(""));
            } finally {
                AppProcess.delete(dir);
            }
        }
        Collections.sort(seconds);
        report.row("5. Start-up to health UP (embedded Redis)", settings.startupRuns() + " launch(es), cold working dir",
                "median " + Report.decimal(seconds.get(seconds.size() / 2)) + " s (min " + Report.decimal(seconds.get(0))
                        + " s, max " + Report.decimal(seconds.get(seconds.size() - 1)) + " s)", "");
    }
}
