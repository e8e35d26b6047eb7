package com.disputeassistant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app ({@code config/target/dispute-assistant.jar}) as its own process, as a person starts it:
 * {@code java -jar} in a working directory of its own, on a free port, with only the settings given (none
 * of the caller's Redis, Slack, Telegram or marketplace variables). Its output goes to {@code app.log} in
 * that directory.
 */
final class AppProcess implements AutoCloseable {
    static final Path JAR = Path.of("config", "target", "dispute-assistant.jar");
    private static final List<String> INHERITED_NOT = List.of("REDIS_URL", "SLACK_", "TELEGRAM_", "MARKETPLACE_FILE",
            "DISPUTE_", "SERVER_PORT");

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

    final int port;
    final Path workDir;
    private final Process process;
    private final long launchedAt;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(int port, Path workDir, Process process, long launchedAt) {
        this.port = port;
        this.workDir = workDir;
        this.process = process;
        this.launchedAt = launchedAt;
    }

    /** Launches the jar in {@code workDir} with these environment variables. */
    static AppProcess launch(Path workDir, Map<String, String> environment) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with ./mvnw -q -DskipTests package");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                // The management port (metrics) is not measured here; a free one, so runs never collide.
                "--management.server.port=0")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app.log").toFile());
        builder.environment().keySet().removeIf(name -> INHERITED_NOT.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        long launchedAt = System.nanoTime();
        try {
            return new AppProcess(port, workDir, builder.start(), launchedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + java, e);
        }
    }

    /** Waits until /readyz (Redis answers; the public port's readiness) answers UP; returns the time from launch to then. */
    Duration awaitHealthy(Duration timeout) {
        URI health = URI.create("http://127.0.0.1:" + port + "/readyz");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped with exit code " + process.exitValue() + "; "
                        + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - launchedAt);
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the app", e);
            }
            LoadDriver.sleep(Duration.ofMillis(10));
        }
        throw new IllegalStateException("the app was not UP within " + timeout.toSeconds() + " s; " + logTail());
    }

    /** What Spring Boot says its own start took ("Started ... in 9.1 seconds"), if it said so yet. */
    Optional<String> springStartedIn() {
        try {
            Matcher started = STARTED.matcher(Files.readString(workDir.resolve("app.log")));
            return started.find() ? Optional.of(started.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("app.log"));
            return "last lines of its log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30),
                    lines.size()));
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }

    /** Stops the app as a service manager would (SIGTERM), so it stops its embedded Redis too. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("bench-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory", e);
        }
    }

    /** Removes a directory from {@link #tempDir}, with everything in it. */
    static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.out.println("   (could not remove " + dir + ": " + e.getMessage() + ")");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
