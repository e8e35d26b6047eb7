package com.disputeassistant.bench;

import com.disputeassistant.testing.RedisTestSupport;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every figure and prints the table: {@code bench/run.sh [--quick]} builds the project and calls this.
 * Redis is {@code REDIS_URL} when set, else an embedded one on a free port.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * {@code --quick} for the smoke run; {@code --only=4,5} runs only those figures ({@code 1} stands for 1-3,
     * which are measured together, {@code 1b} for the JMH one); see {@link BenchSettings#from} for the rest.
     */
    public static void main(String[] args) {
        List<String> only = List.of(args).stream().filter(a -> a.startsWith("--only=")).findFirst()
                .map(a -> List.of(a.substring("--only=".length()).split(","))).orElse(List.of("1", "1b", "4", "5"));
        BenchSettings settings = BenchSettings.from(List.of(args).stream().filter(a -> !a.startsWith("--only="))
                .toArray(String[]::new));
        String redisUrl = RedisTestSupport.redisUrl();
        String redisVersion;
        try (RedisInfo info = new RedisInfo(redisUrl)) {
            redisVersion = info.version();
        }
        boolean external = System.getenv("REDIS_URL") != null && !System.getenv("REDIS_URL").isBlank();
        Report report = new Report(List.of(
                "Run: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", `"
                        + String.join(" ", Stream.concat(Stream.of("./bench/run.sh"), Stream.of(args)).toList())
                        + "` (" + settings.name() + " settings)",
                "Machine: " + Report.cores() + " cores, Java " + Runtime.version() + ", max heap "
                        + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB; Redis " + redisVersion + " ("
                        + (external ? "REDIS_URL" : "embedded, started by the driver") + ")"));
        if (only.contains("1")) {
            new EngineFigures(settings, redisUrl, report).run();
        }
        if (only.contains("1b")) {
            new ProcedureFigure(settings, report).run();
        }
        if (only.contains("4")) {
            new ChannelFigures(settings, redisUrl, report).run();
        }
        if (only.contains("5")) {
            new StartupFigure(settings, report).run();
        }
        report.printAndWrite(Path.of("bench", "last-run.md"));
        // The embedded Redis and HTTP clients' threads must not keep the JVM alive.
        System.exit(0);
    }
}
