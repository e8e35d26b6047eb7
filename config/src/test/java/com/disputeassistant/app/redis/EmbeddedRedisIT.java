package com.disputeassistant.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.app.StartupProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/** The application's own Redis: persistence across restarts, one owner per directory, kill -9 recovery. */
class EmbeddedRedisIT {

    @TempDir
    Path dataDir;

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        // Whatever a failed test left running on this directory.
        leftoverServer().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void keepsDataAcrossARestartOnAnAppendOnlyFile() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0); RedisClient client = RedisClient.create(redis.url())) {
            client.set("greeting", "kept");
            assertThat(client.configGet("appendonly")).containsEntry("appendonly", "yes");
            assertThat(client.configGet("appendfsync")).containsEntry("appendfsync", "always");
            assertThat(client.configGet("bind")).containsEntry("bind", "127.0.0.1");
        }
        assertThat(dataDir.resolve("appendonly.aof")).isNotEmptyFile();

        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0); RedisClient client = RedisClient.create(redis.url())) {
            assertThat(client.get("greeting")).isEqualTo("kept");
        }
    }

    @Test
    void refusesADataDirectoryThatARunningApplicationUses() {
        EmbeddedRedis first = started(EmbeddedRedis.start(dataDir, 0));

        assertThatThrownBy(() -> EmbeddedRedis.start(dataDir, 0))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("is in use by another running Dispute Assistant")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("dispute.redis.embedded.data-dir"));
        try (RedisClient client = RedisClient.create(first.url())) {
            assertThat(client.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void stopsTheServerThatAKilledApplicationLeftRunningAndKeepsItsData() throws Exception {
        Process child = startInAnotherJvm();
        try {
            awaitLine(child, EmbeddedRedisChild.READY);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, as with kill -9
            child.waitFor(30, TimeUnit.SECONDS);
        }
        ProcessHandle leftover = leftoverServer().orElseThrow(
                () -> new AssertionError("the killed JVM's redis-server should still be running"));

        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0); RedisClient client = RedisClient.create(redis.url())) {
            assertThat(leftover.isAlive()).isFalse();
            assertThat(client.get(EmbeddedRedisChild.KEY)).isEqualTo(EmbeddedRedisChild.VALUE);
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void leavesAloneARedisServerOfAnotherDirectoryThatAStalePidFileNames(@TempDir Path otherDir) throws IOException {
        EmbeddedRedis other = started(EmbeddedRedis.start(otherDir, 0));
        String otherPid = Files.readString(otherDir.resolve(LeftoverRedisServer.PID_FILE_NAME));
        Files.writeString(dataDir.resolve(LeftoverRedisServer.PID_FILE_NAME), otherPid);

        started(EmbeddedRedis.start(dataDir, 0));

        try (RedisClient client = RedisClient.create(other.url())) {
            assertThat(client.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void saysWhichPortIsTakenWhenTheConfiguredOneIsBusy() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedRedis.BIND_ADDRESS))) {
            assertThatThrownBy(() -> EmbeddedRedis.start(dataDir, taken.getLocalPort()))
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("did not start on 127.0.0.1:" + taken.getLocalPort());
        }
        // The failed start gave the directory back.
        started(EmbeddedRedis.start(dataDir, 0));
    }

    private EmbeddedRedis started(EmbeddedRedis redis) {
        toClose.push(redis);
        return redis;
    }

    private Process startInAnotherJvm() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedRedisChild.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitLine(Process process, String expected) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(expected)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child JVM ended without starting Redis:\n" + seen);
    }

    private Optional<ProcessHandle> leftoverServer() throws IOException {
        Path pidFile = dataDir.resolve(LeftoverRedisServer.PID_FILE_NAME);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> LeftoverRedisServer.isRedisServerOn(process, dataDir));
    }
}
