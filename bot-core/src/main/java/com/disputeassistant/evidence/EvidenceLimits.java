package com.disputeassistant.evidence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the intake accepts: the largest file, the most a dispute may hold in all, and the media types
 * (as found in the bytes, see {@link MediaTypes}) that may be kept. The defaults fit manuscripts (DOCX,
 * ODT, PDF, plain text, RTF) and images (PNG, JPEG, WebP, GIF).
 *
 * @param maxFileBytes    the largest file kept, in bytes
 * @param maxDisputeBytes the most all files of one dispute may hold together, in bytes
 * @param allowedTypes    the media types kept; each one {@link MediaTypes} can recognise
 * @param fetchAttempts   how often a file is fetched from the platform before the sender is told it failed
 */
public record EvidenceLimits(long maxFileBytes, long maxDisputeBytes, Set<String> allowedTypes, int fetchAttempts) {
    /** Telegram lets a bot download files of up to 20 MB; the same for every channel keeps it fair. */
    public static final long DEFAULT_MAX_FILE = 20L * 1024 * 1024;
    public static final long DEFAULT_MAX_DISPUTE = 100L * 1024 * 1024;
    public static final int DEFAULT_FETCH_ATTEMPTS = 3;

    public EvidenceLimits {
        if (maxFileBytes < 1 || maxDisputeBytes < maxFileBytes) {
            throw new IllegalArgumentException("the file limit is at least one byte and at most the dispute's total");
        }
        if (fetchAttempts < 1) {
            throw new IllegalArgumentException("a file is fetched at least once");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : allowedTypes) {
            String normal = type.strip().toLowerCase(Locale.ROOT);
            if (!MediaTypes.KNOWN.containsKey(normal)) {
                throw new IllegalArgumentException("cannot recognise files of type " + type + "; known: "
                        + MediaTypes.KNOWN.keySet());
            }
            types.add(normal);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("at least one media type is allowed");
        }
        allowedTypes = Set.copyOf(types);
    }

    /** The defaults: 20 MB a file, 100 MB a dispute, every type {@link MediaTypes} knows, three fetches. */
    public static EvidenceLimits defaults() {
        return new EvidenceLimits(DEFAULT_MAX_FILE, DEFAULT_MAX_DISPUTE, MediaTypes.KNOWN.keySet(),
                DEFAULT_FETCH_ATTEMPTS);
    }

    /** The allowed types as people know them (.pdf, .docx, .png), in a stable order. */
    public List<String> allowedNames() {
        return MediaTypes.KNOWN.entrySet().stream().filter(e -> allowedTypes.contains(e.getKey()))
                .map(java.util.Map.Entry::getValue).toList();
    }

    /** A size as people read it: 512 B, 20 KB, 1.5 MB. */
    public static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return (mb < 10 ? String.format(Locale.ROOT, "%.1f", mb) : Long.toString(Math.round(mb))) + " MB";
    }
}
