package com.disputeassistant.app.redis;

import com.disputeassistant.app.StartupProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Claims the embedded Redis' data directory for this process, so two applications never run two Redis
 * servers on one append-only file. The operating system drops the lock when the process ends, however
 * it ends (kill -9 included), so a lock that is held always means a live application.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "embedded-redis.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw cannotLock(dataDir, e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw inUse(dataDir, readOwner(file));
            }
            // The owner's pid, only so that a second application's message can name it.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(
                    Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw cannotLock(dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static StartupProblem cannotLock(Path dataDir, IOException e) {
        return new StartupProblem("Cannot lock the embedded Redis data directory " + dataDir + ": " + e,
                "Make the directory writable, choose another one with dispute.redis.embedded.data-dir "
                        + "(DISPUTE_REDIS_EMBEDDED_DATADIR), or set REDIS_URL to use a Redis server.", e);
    }

    private static StartupProblem inUse(Path dataDir, String owner) {
        return new StartupProblem(
                "The embedded Redis data directory " + dataDir + " is in use by another running Dispute Assistant"
                        + (owner.isEmpty() ? "" : " (pid " + owner + ")") + ".",
                "Stop that application first, or give this one its own directory with dispute.redis.embedded.data-dir "
                        + "(DISPUTE_REDIS_EMBEDDED_DATADIR), or point both at one Redis server with REDIS_URL.");
    }

    private static String readOwner(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing left to release: closing the channel is what releases the lock.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the lock as well.
        } finally {
            closeQuietly(channel);
        }
    }
}
