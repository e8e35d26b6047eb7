package com.disputeassistant.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Port to where evidence bytes live: a folder under the data directory ({@link FolderEvidenceStore}), or a
 * bucket for several instances. Items are named only by their generated id (letters, digits, dashes),
 * never by anything a person chose. The bytes come complete from a staged file, so nothing is ever kept
 * half; checking them on the way out is {@link CheckedEvidenceFiles}' job.
 */
public interface EvidenceStore {

    /**
     * Where the intake writes a file while it arrives: a folder on the same file system as the store's,
     * so that {@link #keep} can move it atomically.
     */
    Path stagingFolder() throws IOException;

    /**
     * Keeps the complete file {@code staged} as item {@code id}, all or nothing, and takes the staged file
     * away. Idempotent: an id kept before (a retried delivery) keeps its first bytes.
     */
    void keep(String id, Path staged) throws IOException;

    /** The raw bytes of item {@code id}; a {@link java.io.FileNotFoundException} if there is none. */
    InputStream open(String id) throws IOException;

    /** Removes item {@code id}, if it is there (a file kept for a record that was then refused). */
    void delete(String id) throws IOException;
}
