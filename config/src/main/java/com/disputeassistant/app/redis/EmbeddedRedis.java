package com.disputeassistant.app.redis;

import com.disputeassistant.app.StartupProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A Redis server run by the application itself (the library ships the binary), so the app needs
 * nothing installed. It listens on 127.0.0.1 only and keeps its data in one directory that survives
 * restarts. Start it with {@link #start}; {@link #close} stops it.
 */
final class EmbeddedRedis implements RedisTarget {
    static final String BIND_ADDRESS = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    /** Attempts when the port is picked by us: another process may take a free port before Redis binds it. */
    private static final int FREE_PORT_ATTEMPTS = 3;

    private final Path dataDir;
    private final int port;
    private final RedisServer server;
    private final DataDirectoryLock lock;

    private EmbeddedRedis(Path dataDir, int port, RedisServer server, DataDirectoryLock lock) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
        this.lock = lock;
    }

    /**
     * Starts Redis on the data directory (created if missing).
     *
     * @param port a port on 127.0.0.1, or 0 for a free one
     */
    static EmbeddedRedis start(Path dataDirectory, int port) {
        Path dataDir = dataDirectory.toAbsolutePath().normalize();
        createDirectory(dataDir);
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        try {
            LeftoverRedisServer.stopIfRunning(dataDir);
            int attempts = port == 0 ? FREE_PORT_ATTEMPTS : 1;
            for (int attempt = 1; ; attempt++) {
                int chosenPort = port == 0 ? freePort() : port;
                try {
                    RedisServer server = newServer(dataDir, chosenPort);
                    server.start();
                    return new EmbeddedRedis(dataDir, chosenPort, server, lock);
                } catch (IOException e) {
                    if (attempt >= attempts) {
                        throw new StartupProblem("The embedded Redis did not start on " + BIND_ADDRESS + ":" + chosenPort
                                + " with its data in " + dataDir + ": " + e.getMessage(),
                                "If the port is taken, set dispute.redis.embedded.port to a free one (0 picks one); "
                                        + "if the data directory is damaged, move it away; or set REDIS_URL to use a "
                                        + "Redis server.", e);
                    }
                }
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static RedisServer newServer(Path dataDir, int port) throws IOException {
        return RedisServer.newRedisServer()
                .bind(BIND_ADDRESS)
                .port(port)
                .setting("dir " + quoted(dataDir))
                .setting("pidfile " + quoted(dataDir.resolve(LeftoverRedisServer.PID_FILE_NAME)))
                .setting("appendonly yes")
                // "always" fsyncs every write before Redis answers: a kill -9 or power cut loses nothing
                // that the bot acknowledged. "everysec" (Redis' default) could lose the last second of
                // disputes; the cost of "always" is a disk sync per write, nothing at a chat bot's load.
                .setting("appendfsync always")
                // The append-only file is the one copy. Without snapshots Redis also always exits on SIGTERM:
                // with them it refuses to exit when the final snapshot cannot be written (disk full, directory
                // gone), and stopping it would hang.
                .setting("save \"\"")
                // Redis logs a line now and then for as long as it runs; reading its output keeps the pipe
                // from filling up, which would block the server.
                .soutListener(line -> log.debug("redis-server: {}", line))
                .serrListener(line -> log.warn("redis-server: {}", line))
                .build();
    }

    /** Redis' config file syntax: a double-quoted string with backslash escapes, so any path works. */
    private static String quoted(Path path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void createDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StartupProblem("Cannot create the embedded Redis data directory " + dataDir + ": " + e,
                    "Choose a writable directory with dispute.redis.embedded.data-dir (DISPUTE_REDIS_EMBEDDED_DATADIR), "
                            + "or set REDIS_URL to use a Redis server.", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BIND_ADDRESS))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + BIND_ADDRESS, e);
        }
    }

    @Override
    public String url() {
        return "redis://" + BIND_ADDRESS + ":" + port;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public Map<String, Object> publicDetails() {
        // The directory's name only: health details never show a path on disk.
        return Map.of("server", "embedded", "location", url(), "dataDirectory", String.valueOf(dataDir.getFileName()),
                "appendfsync", "always");
    }

    /** Stops the server (Redis flushes and exits on SIGTERM), then frees the data directory. */
    @Override
    public void close() {
        try {
            server.stop();
            log.info("Stopped the embedded Redis on {}", url());
        } catch (IOException e) {
            log.warn("The embedded Redis on {} did not stop cleanly: {}", url(), e.getMessage());
        } finally {
            lock.close();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedRedis[" + url() + ", " + dataDir + "]";
    }
}
