package com.disputeassistant.outbox;

import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.evidence.EvidenceTamperedException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Why a platform did not accept a request, and what the {@link OutboxSender} should do about it. */
public final class SendFailure extends Exception {

    /** What to do next. */
    public enum Kind {
        /** The platform asked us to wait (HTTP 429): retry after the time it gave. */
        RETRY_AFTER,
        /** A failure that may pass (5xx, I/O, timeout): retry with growing backoff. */
        TRANSIENT,
        /** The request will never succeed (bad request, the user blocked the bot): give up now. */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;

    private SendFailure(Kind kind, String why, Duration retryAfter, Throwable cause) {
        super(why, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static SendFailure retryAfter(Duration wait, String why) {
        Objects.requireNonNull(wait, "wait");
        return new SendFailure(Kind.RETRY_AFTER, why, wait.isNegative() ? Duration.ZERO : wait, null);
    }

    public static SendFailure transientFailure(String why, Throwable cause) {
        return new SendFailure(Kind.TRANSIENT, why, null, cause);
    }

    public static SendFailure permanent(String why) {
        return new SendFailure(Kind.PERMANENT, why, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The wait the platform asked for; present only for {@link Kind#RETRY_AFTER}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The bytes of an evidence file a reply carries, read checked for sending: a file whose stored bytes
     * changed, or an app that keeps no evidence, fails for good; a file that cannot be read now, for a while.
     */
    public static byte[] readEvidence(EvidenceFiles files, EvidenceRef ref) throws SendFailure {
        if (files == null) {
            throw permanent("a file to send, but this application keeps no evidence: " + ref.id());
        }
        try {
            return files.readAll(ref);
        } catch (EvidenceTamperedException e) {
            throw permanent("not sent, the stored file changed: " + e.getMessage());
        } catch (IOException e) {
            throw transientFailure("cannot read evidence " + ref.id() + " now: " + e.getMessage(), e);
        }
    }
}
