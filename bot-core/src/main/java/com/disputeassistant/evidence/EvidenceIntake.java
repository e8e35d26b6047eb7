package com.disputeassistant.evidence;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes what a person sends as evidence of a dispute: each file is checked against the {@link
 * EvidenceLimits} (the declared size before anything is fetched, then the bytes actually read, the type
 * found in them, the dispute's total), fetched from the platform with a few attempts, written to a staged
 * file while it is hashed, and kept in the {@link EvidenceStore} whole, or not at all; then recorded
 * ({@link EvidenceRecords}). Each link in the text is recorded too.
 *
 * <p>Safe to run again for the same delivery: an item's id comes from the delivery id and its place in
 * the message, so a retried delivery finds its items recorded and neither fetches nor adds them again.
 * Runs before the turn that records the items in the timeline and tells everyone, as fetching can take a
 * while and a turn is retried on a conflict.
 */
public final class EvidenceIntake {
    private static final Logger log = LoggerFactory.getLogger(EvidenceIntake.class);
    /** An address a person wrote: scheme, then anything up to a blank or a quote; closing punctuation is cut. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LINKS = 10;
    private static final int BUFFER = 64 * 1024;

    private final EvidenceStore store;
    private final EvidenceRecords records;
    private final EvidenceLimits limits;
    private final Clock clock;
    private final Duration retryPause;

    public EvidenceIntake(EvidenceStore store, EvidenceRecords records, EvidenceLimits limits, Clock clock) {
        this(store, records, limits, clock, Duration.ofMillis(300));
    }

    /** @param retryPause the pause after a failed fetch, doubled after each further one */
    public EvidenceIntake(EvidenceStore store, EvidenceRecords records, EvidenceLimits limits, Clock clock,
                          Duration retryPause) {
        this.store = Objects.requireNonNull(store, "store");
        this.records = Objects.requireNonNull(records, "records");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryPause = Objects.requireNonNull(retryPause, "retryPause");
    }

    public EvidenceLimits limits() {
        return limits;
    }

    /** The dispute's evidence, oldest first. */
    public List<EvidenceItem> items(DisputeId dispute) {
        return records.of(dispute);
    }

    public Optional<EvidenceItem> find(DisputeId dispute, String id) {
        return records.find(dispute, id);
    }

    /** Who sent something: their channel identity and their part in the dispute. */
    public record Sender(String identity, Role role) {
        public Sender {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(role, "role");
        }
    }

    /** What became of one file or link. */
    public sealed interface Result {
        /** Kept and recorded; {@code before}: by an earlier copy of the same delivery. */
        record Kept(EvidenceItem item, boolean before) implements Result {
        }

        /** Not kept, and why; {@code name} is the file's cleaned name. */
        record Refused(String name, Reason reason) implements Result {
        }
    }

    /** Why a file was not kept. */
    public enum Reason {
        /** Larger than {@link EvidenceLimits#maxFileBytes()}. */
        TOO_LARGE,
        /** Its bytes are of no allowed type. */
        TYPE_NOT_ALLOWED,
        /** The dispute holds as much as {@link EvidenceLimits#maxDisputeBytes()} allows. */
        DISPUTE_FULL,
        /** The platform did not deliver it, after every attempt. */
        FETCH_FAILED,
        /** Our own store failed (the disk, the bucket): logged at error. */
        NOT_STORED
    }

    /**
     * Keeps the files and the links in {@code text} as evidence of {@code dispute}, in order; what was
     * refused comes back with the reason and leaves nothing behind.
     *
     * @param deliveryId the platform's id of the message, or null (then a retry may keep a file twice)
     */
    public List<Result> take(Dispute dispute, Sender sender, List<IncomingFile> files, String text, String deliveryId) {
        List<Result> results = new ArrayList<>();
        String base = deliveryId != null ? deliveryId : UUID.randomUUID().toString();
        for (int i = 0; i < files.size(); i++) {
            results.add(file(dispute, sender, files.get(i), idOf("ev", base + "#" + i)));
        }
        for (String link : links(text)) {
            // One record per address and dispute: the same link sent twice is one piece of evidence.
            EvidenceItem item = item(dispute, sender, idOf("ln", dispute.id().value() + "#" + link),
                    EvidenceItem.Kind.LINK, link, MediaTypes.LINK, 0, Hashing.sha256Hex(link));
            EvidenceRecords.Added added = records.add(item, limits.maxDisputeBytes());
            results.add(kept(dispute, item, added));
        }
        return results;
    }

    /** An item recorded now, or the record of the same item kept before (a retried delivery, a link sent again). */
    private Result kept(Dispute dispute, EvidenceItem item, EvidenceRecords.Added added) {
        return new Result.Kept(added == EvidenceRecords.Added.ADDED ? item
                : records.find(dispute.id(), item.id()).orElse(item), added == EvidenceRecords.Added.ALREADY);
    }

    /** The distinct http(s) addresses in a text, at most {@value #MAX_LINKS}, without closing punctuation. */
    public static List<String> links(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(text == null ? "" : text);
        while (matcher.find() && found.size() < MAX_LINKS) {
            String link = matcher.group().replaceAll("[.,;:!?)\\]}]+$", "");
            if (link.length() > "https://".length()) {
                found.add(link);
            }
        }
        return List.copyOf(found);
    }

    private Result file(Dispute dispute, Sender sender, IncomingFile file, String id) {
        Optional<EvidenceItem> before = records.find(dispute.id(), id);
        if (before.isPresent()) {
            return new Result.Kept(before.get(), true);
        }
        if (file.declaredSize() > limits.maxFileBytes()) {
            return new Result.Refused(file.name(), Reason.TOO_LARGE);
        }
        if (records.totalBytes(dispute.id()) + Math.max(1, file.declaredSize()) > limits.maxDisputeBytes()) {
            return new Result.Refused(file.name(), Reason.DISPUTE_FULL);
        }
        Staged staged;
        try {
            staged = fetch(file);
        } catch (TooLarge e) {
            return new Result.Refused(file.name(), Reason.TOO_LARGE);
        } catch (IOException e) {
            log.warn("Could not fetch {} from the platform after {} attempts: {}", file.name(), limits.fetchAttempts(),
                    e.toString());
            return new Result.Refused(file.name(), Reason.FETCH_FAILED);
        }
        try {
            Optional<String> type = MediaTypes.sniff(staged.path());
            if (type.isEmpty() || !limits.allowedTypes().contains(type.get())) {
                log.info("Refused {} (declared {}): its bytes are {}", file.name(), file.declaredType(),
                        type.orElse("of no known type"));
                return new Result.Refused(file.name(), Reason.TYPE_NOT_ALLOWED);
            }
            EvidenceItem item = item(dispute, sender, id, EvidenceItem.Kind.FILE, file.name(), type.get(),
                    staged.size(), staged.sha256());
            store.keep(id, staged.path());
            EvidenceRecords.Added added = records.add(item, limits.maxDisputeBytes());
            if (added == EvidenceRecords.Added.OVER_TOTAL) {
                store.delete(id);
                return new Result.Refused(file.name(), Reason.DISPUTE_FULL);
            }
            log.info("Kept evidence {} for dispute {}: {} ({}, {} bytes, SHA-256 {})", id, dispute.id(), item.name(),
                    item.mediaType(), item.size(), item.sha256());
            return kept(dispute, item, added);
        } catch (IOException e) {
            log.error("Could not keep evidence {} ({}) for dispute {} in the {}", id, file.name(), dispute.id(), store, e);
            return new Result.Refused(file.name(), Reason.NOT_STORED);
        } finally {
            deleteQuietly(staged.path());
        }
    }

    private EvidenceItem item(Dispute dispute, Sender sender, String id, EvidenceItem.Kind kind, String name,
                              String type, long size, String sha256) {
        boolean decided = dispute.isClosed() || dispute.outcome().isPresent();
        return new EvidenceItem(id, dispute.id(), kind, sender.identity(), sender.role(), clock.instant(), dispute.step(),
                decided, name, type, size, sha256);
    }

    /** A file fetched whole into the staging folder, with its size and hash. */
    private record Staged(Path path, long size, String sha256) {
    }

    /** The bytes ran past the size limit: not worth another attempt. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("larger than the limit");
        }
    }

    /** Fetches the file, up to the configured attempts, pausing longer after each failure. */
    private Staged fetch(IncomingFile file) throws IOException {
        IOException last = null;
        Duration pause = retryPause;
        for (int attempt = 1; attempt <= limits.fetchAttempts(); attempt++) {
            try {
                return stage(file.source());
            } catch (TooLarge e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(e);
                log.debug("Fetching {} failed (attempt {} of {}): {}", file.name(), attempt, limits.fetchAttempts(),
                        e.toString());
                if (attempt < limits.fetchAttempts()) {
                    sleep(pause);
                    pause = pause.multipliedBy(2);
                }
            }
        }
        throw last;
    }

    /** Copies the stream into a new staged file, hashing it; deletes it again on any failure. */
    private Staged stage(FileSource source) throws IOException {
        Path staged = Files.createTempFile(store.stagingFolder(), "in-", ".part");
        MessageDigest digest = Hashing.sha256();
        long size = 0;
        try (InputStream in = source.open(); OutputStream out = Files.newOutputStream(staged)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > limits.maxFileBytes()) {
                    throw new TooLarge();
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staged);
            throw e;
        }
        return new Staged(staged, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** An id from which nothing about the sender or the file can be read, the same for the same input. */
    private static String idOf(String kind, String input) {
        return kind + "-" + Hashing.sha256Hex(input).substring(0, 32);
    }

    private static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to fetch again", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete the staged file {}: {}", path, e.toString());
        }
    }
}
