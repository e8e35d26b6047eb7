package com.disputeassistant.app.redis;

import com.disputeassistant.app.StartupProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded redis-server that outlived the application that started it. When the JVM is killed
 * (kill -9, a crash, the OOM killer) nothing stops its child: the redis-server keeps running, still
 * writing the data directory's append-only file. Starting a second server on that file would make two
 * writers, so the leftover one is shut down first. Only called while holding the
 * {@link DataDirectoryLock}, which proves that no live application owns the leftover server.
 */
final class LeftoverRedisServer {
    /** Redis writes its pid here at start and removes it on a clean shutdown. */
    static final String PID_FILE_NAME = "redis.pid";

    private static final Logger log = LoggerFactory.getLogger(LeftoverRedisServer.class);
    private static final Duration GRACE = Duration.ofSeconds(15);

    private LeftoverRedisServer() {
    }

    /** Stops the redis-server named by the data directory's pid file, if one is still running. */
    static void stopIfRunning(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE_NAME);
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> isRedisServerOn(process, dataDir));
        if (leftover.isEmpty()) {
            // No pid file, or a stale one whose pid is gone or now belongs to another program.
            return;
        }
        ProcessHandle process = leftover.get();
        log.warn("A redis-server (pid {}) left running by an earlier run that did not shut down cleanly still holds {};"
                + " stopping it before starting a new one. Its data is on disk: every write was fsynced.",
                process.pid(), dataDir);
        // SIGTERM: Redis flushes the append-only file and exits on its own.
        process.destroy();
        if (!awaitExit(process, GRACE)) {
            // Safe as a last resort: with appendfsync always every acknowledged write is already on disk.
            process.destroyForcibly();
            if (!awaitExit(process, GRACE)) {
                throw new StartupProblem("A redis-server (pid " + process.pid() + ") left by an earlier run still holds "
                        + dataDir + " and did not stop.",
                        "Stop it by hand (kill -9 " + process.pid() + ") and start the application again.");
            }
        }
        log.info("Stopped the leftover redis-server (pid {})", process.pid());
    }

    /**
     * Whether the process is a redis-server working in this directory. Pids are reused, so a pid file
     * that outlived its server may name another program, or another Redis, which must be left alone.
     */
    static boolean isRedisServerOn(ProcessHandle process, Path dataDir) {
        boolean redisServer = process.info().command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("redis-server"))
                .orElse(false);
        return redisServer && worksIn(process, dataDir);
    }

    /** Redis changes into its data directory; Linux shows a process' directory in /proc, other systems don't. */
    private static boolean worksIn(ProcessHandle process, Path dataDir) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return true;
        }
        try {
            return Files.isSameFile(proc.resolve(Long.toString(process.pid())).resolve("cwd"), dataDir);
        } catch (IOException cannotTell) {
            // Another user's process: not one this application started.
            return false;
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException noUsablePid) {
            return Optional.empty();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
