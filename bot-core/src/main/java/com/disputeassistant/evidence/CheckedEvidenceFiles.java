package com.disputeassistant.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads kept evidence from an {@link EvidenceStore}, checking size and SHA-256 as the bytes go by: the
 * read that would end the stream throws {@link EvidenceTamperedException} instead when they differ, and
 * logs it at error, so changed bytes are never passed on as the evidence.
 */
public final class CheckedEvidenceFiles implements EvidenceFiles {
    private static final Logger log = LoggerFactory.getLogger(CheckedEvidenceFiles.class);
    private final EvidenceStore store;

    public CheckedEvidenceFiles(EvidenceStore store) {
        this.store = store;
    }

    @Override
    public InputStream open(EvidenceRef ref) throws IOException {
        return new Checking(store.open(ref.id()), ref);
    }

    /** Counts and hashes what is read; checks both at the end. */
    private static final class Checking extends FilterInputStream {
        private final EvidenceRef ref;
        private final MessageDigest digest = Hashing.sha256();
        private long count;
        private boolean checked;

        Checking(InputStream in, EvidenceRef ref) {
            super(in);
            this.ref = ref;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            } else {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                check();
            } else {
                digest.update(buffer, offset, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("evidence is read whole, so that its hash can be checked");
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void check() throws EvidenceTamperedException {
            if (checked) {
                return;
            }
            checked = true;
            String found = HexFormat.of().formatHex(digest.digest());
            if (count != ref.size() || !found.equals(ref.sha256())) {
                EvidenceTamperedException tampered = new EvidenceTamperedException(ref,
                        count + " bytes with SHA-256 " + found);
                log.error("Not serving evidence: {}", tampered.getMessage());
                throw tampered;
            }
        }
    }
}
