package com.disputeassistant.dispute;

/** Why a dispute was opened, as chosen at intake. */
public enum Reason {
    NOT_DELIVERED_OR_LATE,
    NOT_ACCEPTABLE,
    OTHER
}
