package com.disputeassistant.bench;

import com.disputeassistant.testing.RedisTestSupport;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Runs every figure and prints the table: {@code bench/run.sh [--quick]} builds the project and calls this.
 * Redis is {@code REDIS_URL} when set, else an embedded one on a free port.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) {
        BenchSettings settings = BenchSettings.from(args);
        String redisUrl = RedisTestSupport.redisUrl();
        String redisVersion;
        try (RedisInfo info = new RedisInfo(redisUrl)) {
            redisVersion = info.version();
        }
        boolean external = System.getenv("REDIS_URL") != null && !System.getenv("REDIS_URL").isBlank();
        Report report = new Report(List.of(
                "Run: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", `./bench/run.sh"
                        + (settings.name().equals("quick") ? " --quick" : "") + "` (" + settings.name() + " settings)",
                "Machine: " + Report.cores() + " cores, Java " + Runtime.version() + ", max heap "
                        + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB; Redis " + redisVersion + " ("
                        + (external ? "REDIS_URL" : "embedded, started by the driver") + ")"));
        new EngineFigures(settings, redisUrl, report).run();
        report.printAndWrite(Path.of("bench", "last-run.md"));
        // The embedded Redis and HTTP clients' threads must not keep the JVM alive.
        System.exit(0);
    }
}
