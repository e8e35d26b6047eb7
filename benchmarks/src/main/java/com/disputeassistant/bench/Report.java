package com.disputeassistant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints each figure as it is measured (the machine's core count, the settings, the figure) and collects
 * the table printed at the end, in Markdown, and written to a file for BENCHMARKS.md.
 */
final class Report {
    /** One row of the table. */
    record Row(String figure, String settings, String result, String target) {
    }

    /** One row of the side-by-side comparison: a system's throughput and what a message costs it. */
    record Comparison(String system, double perSecond, double jvmMicros, double redisMicros, double allocatedBytes,
                      double roundTrips, String bytesPerDispute) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<String> header;

    Report(List<String> header) {
        this.header = List.copyOf(header);
        header.forEach(System.out::println);
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts a figure: its title, the core count and the settings it runs with. */
    void section(String title, String settings) {
        System.out.printf("%n== %s ==%n   cores: %d; %s%n", title, cores(), settings);
    }

    void line(String text) {
        System.out.println("   " + text);
    }

    void row(String figure, String settings, String result, String target) {
        rows.add(new Row(figure, settings, result, target));
        line(figure + ": " + result + (target.isEmpty() ? "" : "  (target: " + target + ")"));
    }

    /** Adds a system to the side-by-side comparison (the table: engine, bare Redis, the peer). */
    void compare(String system, Measurement m, String bytesPerDispute) {
        comparisons.add(new Comparison(system, m.perSecond(), m.jvmCpuMicrosPerMessage(), m.redisCpuMicrosPerMessage(),
                m.allocatedBytesPerMessage(), m.roundTripsPerMessage(), bytesPerDispute));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append(h).append("\n\n"));
        out.append("| figure | settings | result | target |\n|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(cell(row.figure())).append(" | ").append(cell(row.settings())).append(" | ")
                    .append(cell(row.result())).append(" | ").append(cell(row.target())).append(" |\n");
        }
        if (!comparisons.isEmpty()) {
            out.append("\n| | msg/s | JVM µs/msg | Redis µs/msg | KB allocated/msg | round trips | bytes/dispute |\n"
                    + "|---|---|---|---|---|---|---|\n");
            for (Comparison c : comparisons) {
                out.append("| ").append(cell(c.system())).append(" | ").append(decimal(c.perSecond())).append(" | ")
                        .append(decimal(c.jvmMicros())).append(" | ").append(decimal(c.redisMicros())).append(" | ")
                        .append(decimal(c.allocatedBytes() / 1024)).append(" | ").append(decimal(c.roundTrips()))
                        .append(" | ").append(cell(c.bytesPerDispute())).append(" |\n");
            }
        }
        return out.toString();
    }

    void printAndWrite(Path file) {
        String table = markdown();
        System.out.println();
        System.out.print(table);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A number to three significant digits or so: 0.123, 1.23, 12.3, 1,234. */
    static String decimal(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    /** A verdict against a target: "met" or "missed". */
    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
