package com.disputeassistant.dispute;

import com.disputeassistant.marketplace.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * The one outcome of a closed dispute. For outcomes that carry money, payout + refund = paid; for the
 * others (the parties resolved it, or the opener withdrew) the order goes back to the marketplace's
 * normal flow and no amounts are set. {@code idempotencyKey} lets the payments system apply it once.
 */
public record Outcome(OutcomeType type, Money payout, Money refund, String idempotencyKey,
                      Instant decidedAt, String decidedBy) {
    public Outcome {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (type.carriesMoney() != (payout != null && refund != null)) {
            throw new IllegalArgumentException(type + (type.carriesMoney()
                    ? " needs a payout and a refund" : " carries no money"));
        }
    }

    /** An outcome with money: the fee is paid out, the rest of what was paid is refunded. */
    public static Outcome withFee(DisputeId dispute, OutcomeType type, Money fee, Money paid,
                                  Instant at, String decidedBy) {
        if (fee.compareTo(paid) > 0) {
            throw new IllegalArgumentException("a fee cannot exceed what was paid");
        }
        return new Outcome(type, fee, paid.minus(fee), dispute + ":" + type, at, decidedBy);
    }

    public static Outcome withoutMoney(DisputeId dispute, OutcomeType type, Instant at, String decidedBy) {
        return new Outcome(type, null, null, dispute + ":" + type, at, decidedBy);
    }
}
