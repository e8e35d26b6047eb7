package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void numbersKeepAboutThreeSignificantDigits() {
        assertThat(Report.decimal(0.01234)).isEqualTo("0.012");
        assertThat(Report.decimal(1.234)).isEqualTo("1.23");
        assertThat(Report.decimal(12.34)).isEqualTo("12.3");
        assertThat(Report.decimal(1234.5)).isEqualTo("1,235");
    }

    @Test
    void theTableHasTheHeaderLinesAndOneRowPerFigureWithPipesEscaped(@TempDir Path dir) throws Exception {
        Report report = new Report(List.of("Run: today"));
        report.row("1. Engine", "16 threads", "2,000 msg/s | fast", "≥ 2,000 msg/s: met");
        Path file = dir.resolve("bench").resolve("last-run.md");

        report.printAndWrite(file);

        assertThat(Files.readString(file)).isEqualTo("""
                Run: today

                | figure | settings | result | target |
                |---|---|---|---|
                | 1. Engine | 16 threads | 2,000 msg/s \\| fast | ≥ 2,000 msg/s: met |
                """);
    }

    @Test
    void theComparisonTableFollowsWithEachSystemsCostsPerMessage() {
        Report report = new Report(List.of("Run: today"));
        Measurement engine = new Measurement(6_000, 2.0, new Latencies(), 0, null, 3.25, Map.of("EVALSHA", 2.0),
                412.0, 90.0 * 1024, 146.0);
        report.compare("this project (engine)", engine, "2,655");

        assertThat(report.markdown()).endsWith("""
                | | msg/s | JVM µs/msg | Redis µs/msg | KB allocated/msg | round trips | bytes/dispute |
                |---|---|---|---|---|---|---|
                | this project (engine) | 3,000 | 412 | 146 | 90.0 | 3.25 | 2,655 |
                """);
    }
}
