package com.disputeassistant.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Port for reading kept evidence back, for whoever delivers it: a channel's outbox sender (Telegram,
 * Slack), the playground's and the console's downloads. The application has one bean of this type (the
 * configured evidence store: a folder under the data directory, or a bucket).
 *
 * <p>Every read checks the SHA-256 of the bytes against {@link EvidenceRef#sha256()}: what was changed
 * after it was kept is never served. What the adapter must do: call {@link #readAll} (or read {@link
 * #open} to its end) <em>before</em> sending anything, and treat {@link EvidenceTamperedException} as a
 * permanent failure (dead-letter the entry, which logs it; never send the bytes), any other {@link
 * IOException} as a transient one (the store is briefly unreachable: try the entry again later).
 */
public interface EvidenceFiles {

    /**
     * A stream of the item's bytes that throws {@link EvidenceTamperedException} at its end (from the
     * {@code read} that would return end-of-stream) if their hash or size is not the reference's; also
     * if the item is missing ({@link java.io.FileNotFoundException}). The caller closes it.
     */
    InputStream open(EvidenceRef ref) throws IOException;

    /** All of the item's bytes, checked: never returns bytes whose hash differs. */
    default byte[] readAll(EvidenceRef ref) throws IOException {
        try (InputStream in = open(ref)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(ref.size(), Integer.MAX_VALUE - 8));
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
