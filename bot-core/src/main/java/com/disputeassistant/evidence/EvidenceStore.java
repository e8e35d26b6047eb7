package com.disputeassistant.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Port to where evidence bytes live: a folder under the data directory ({@link FolderEvidenceStore}), or a
 * bucket for several instances. Items are named only by their generated id (letters, digits, dashes),
 * never by anything a person chose. The bytes come complete from a staged file, so nothing is ever kept
 * half; checking them on the way out is {@link CheckedEvidenceFiles}' job.
 */
public interface EvidenceStore {

    /** The form of an item's id: letters, digits and dashes. */
    Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9-]{1,80}");

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

    /**
     * Checks that {@code id} has the form the intake generates, for a store to build a path or a key of it
     * that can never leave its folder or prefix.
     *
     * @throws IllegalArgumentException if it has not
     */
    static String checkedId(String id) {
        if (id == null || !ITEM_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an evidence id: " + id);
        }
        return id;
    }
}
