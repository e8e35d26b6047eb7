package com.disputeassistant.evidence;

import java.io.IOException;

/**
 * The stored bytes of an evidence item are not what was kept: their SHA-256 or size differ from the
 * reference. Whoever reads them must not serve them, and says so (a log line at error, a permanent send
 * failure, a clear message where the item is shown).
 */
public final class EvidenceTamperedException extends IOException {
    private final transient EvidenceRef ref;

    public EvidenceTamperedException(EvidenceRef ref, String found) {
        super("evidence " + ref.id() + " (" + ref.name() + ") does not match its SHA-256 " + ref.sha256()
                + ": found " + found);
        this.ref = ref;
    }

    /** The item whose bytes differ. */
    public EvidenceRef ref() {
        return ref;
    }
}
