package com.disputeassistant.faults;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code redis-server} (or a Sentinel) of its own on a free loopback port, persisting every write before answering it
 * (AOF, {@code appendfsync always}) in a temporary directory, so that a {@code kill -9} loses nothing it
 * acknowledged. It can be killed, restarted from its AOF on the same port, frozen and thawed.
 */
final class RedisProcess implements AutoCloseable {
    private final Path dir;
    private final int port;
    /** What follows the binary on its command line. */
    private final List<String> arguments;
    private Process process;

    private RedisProcess(Path dir, int port, List<String> arguments) {
        this.dir = dir;
        this.port = port;
        this.arguments = arguments;
    }

    /**
     * Starts one, with {@code options} added (e.g. {@code --replicaof 127.0.0.1 6379}); skips the test (with the
     * reason) where {@code redis-server} is not installed.
     */
    static RedisProcess start(String... options) throws IOException {
        Path dir = Files.createTempDirectory("fault-redis");
        int port = FreePort.find();
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                "--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning"));
        arguments.addAll(List.of(options));
        return started(new RedisProcess(dir, port, arguments));
    }

    /**
     * A Sentinel ({@code redis-server <conf> --sentinel}, which works where {@code redis-sentinel} is not installed)
     * watching the master on {@code masterPort} under {@code masterName}, alone in its quorum, that calls the master
     * down after one second without an answer. Its configuration file is its own: Sentinel rewrites it.
     */
    static RedisProcess sentinel(String masterName, int masterPort) throws IOException {
        Path dir = Files.createTempDirectory("fault-sentinel");
        int port = FreePort.find();
        Path config = dir.resolve("sentinel.conf");
        Files.writeString(config, String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + dir,
                "protected-mode no", "daemonize no", "loglevel notice",
                "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 1",
                "sentinel down-after-milliseconds " + masterName + " 1000",
                "sentinel failover-timeout " + masterName + " 10000",
                "sentinel parallel-syncs " + masterName + " 2", ""));
        return started(new RedisProcess(dir, port, List.of(config.toString(), "--sentinel")));
    }

    private static RedisProcess started(RedisProcess redis) throws IOException {
        Assumptions.assumeTrue(binary() != null, "redis-server is not installed (apt-get install redis-server; .ci/run does)");
        redis.launch();
        return redis;
    }

    private static String binary() {
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(dir + "/redis-server");
        }
        for (String candidate : candidates) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the server again from its AOF (after a kill). */
    void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(binary()));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        awaitPort(Duration.ofSeconds(10));
    }

    /** {@code kill -9}: no shutdown, no last write; what it acknowledged is in the AOF. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** {@code SIGSTOP}: the server stops answering, its connections stay open. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** {@code SIGCONT}. */
    void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        // The shell's kill: Java itself can send no SIGSTOP, and the shell is there wherever redis-server is.
        int exit = new ProcessBuilder("sh", "-c", "kill -" + name + " " + process.pid()).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " exited with " + exit);
        }
    }

    private void awaitPort(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                // The port answers once the AOF is loaded far enough to accept connections.
                socket.getOutputStream().write("PING\r\n".getBytes());
                if (socket.getInputStream().read() == '+') {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep(50);
        }
        throw new IOException("redis-server on port " + port + " did not answer within " + timeout);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }
}
