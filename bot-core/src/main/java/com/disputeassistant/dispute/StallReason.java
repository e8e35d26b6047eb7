package com.disputeassistant.dispute;

/** Why rework stalled, so the client need not chase the expert (C1). */
public enum StallReason {
    EXTENSION_CAP,
    DEADLINE_MISSED
}
