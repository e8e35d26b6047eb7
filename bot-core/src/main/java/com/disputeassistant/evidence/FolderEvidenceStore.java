package com.disputeassistant.evidence;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Evidence in a folder ({@code dispute.evidence.folder}, by default under the data directory): one file
 * per item, named by its id, and a {@code .staging} folder beside them for files still arriving. A kept
 * file appears by an atomic rename of a complete staged one, so a reader never finds half a file, and a
 * crash leaves only staged leftovers, which nobody reads (and which a start clears once they are an hour old).
 */
public final class FolderEvidenceStore implements EvidenceStore {
    /** A staged file this old was left by a crash: no fetch takes that long. */
    private static final java.time.Duration STALE_STAGED = java.time.Duration.ofHours(1);
    private final Path folder;
    private final Path staging;

    public FolderEvidenceStore(Path folder) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        this.staging = this.folder.resolve(".staging");
        Files.createDirectories(staging);
        // Another instance sharing the folder may be staging a file right now: only old leftovers are a crash's.
        java.time.Instant before = java.time.Instant.now().minus(STALE_STAGED);
        try (var leftovers = Files.list(staging)) {
            for (Path leftover : leftovers.toList()) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(before)) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    @Override
    public Path stagingFolder() {
        return staging;
    }

    @Override
    public void keep(String id, Path staged) throws IOException {
        Path target = itemPath(id);
        if (Files.exists(target)) {
            Files.deleteIfExists(staged);
            return;
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(staged); // kept by a concurrent copy of the same delivery
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the evidence folder " + folder + " cannot rename files atomically", e);
        }
    }

    @Override
    public InputStream open(String id) throws IOException {
        try {
            return Files.newInputStream(itemPath(id));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("no evidence " + id + " in " + folder);
        }
    }

    @Override
    public void delete(String id) throws IOException {
        Files.deleteIfExists(itemPath(id));
    }

    /** The item's file: the id is checked, so it never leaves the folder. */
    Path itemPath(String id) {
        return folder.resolve(EvidenceStore.checkedId(id));
    }

    @Override
    public String toString() {
        return "folder " + folder;
    }
}
