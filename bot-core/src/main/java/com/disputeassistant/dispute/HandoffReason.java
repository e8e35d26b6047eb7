package com.disputeassistant.dispute;

/** Why a dispute went to a human mediator (S8). */
public enum HandoffReason {
    PARTY_ASKED,
    TERMS_UNCLEAR,
    SCOPE_DISPUTED,
    REPLACEMENT_NEEDED,
    REPLACEMENT_DECLINED,
    EXTENSION_CAP,
    DEADLINE_MISSED,
    FEE_IMPASSE,
    NO_ANSWER,
    FULL_REFUND_REQUESTED
}
