package com.disputeassistant.testing;

import com.disputeassistant.evidence.CheckedEvidenceFiles;
import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.evidence.FolderEvidenceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Kept evidence for a channel's sending tests: the real folder store in a folder the test gives, read
 * through the real checked reads ({@link #files()}), with a way to change an item's bytes behind the
 * store's back, as tampering would.
 */
public final class TestEvidence {
    private final FolderEvidenceStore store;
    private final Path folder;

    public TestEvidence(Path folder) {
        this.folder = folder;
        try {
            this.store = new FolderEvidenceStore(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a channel's sender reads kept evidence through. */
    public EvidenceFiles files() {
        return new CheckedEvidenceFiles(store);
    }

    /** Keeps the bytes as item {@code id} and returns its reference, as a reply would carry it. */
    public EvidenceRef keep(String id, String name, String mediaType, byte[] bytes) {
        try {
            Path staged = Files.write(Files.createTempFile(store.stagingFolder(), "test", ".part"), bytes);
            store.keep(id, staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvidenceRef(id, name, mediaType, bytes.length, sha256(bytes));
    }

    /** Replaces the stored bytes of item {@code id}, as someone changing the file on disk would. */
    public void tamper(String id, byte[] bytes) {
        try {
            Files.write(folder.resolve(id), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
