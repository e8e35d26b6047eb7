package com.disputeassistant.dispute;

import com.disputeassistant.marketplace.PersonId;
import java.time.Instant;
import java.util.Objects;

/** One request for more time in the extension ledger (C1): who asked, when, how long, why, and the answer. */
public record Extension(PersonId requestedBy, Instant requestedAt, int days, String why,
                        ExtensionAnswer answer, Instant answeredAt) {
    public Extension {
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(answer, "answer");
        why = why == null ? "" : why;
    }

    public Extension answered(ExtensionAnswer newAnswer, Instant at) {
        return new Extension(requestedBy, requestedAt, days, why, newAnswer, at);
    }
}
