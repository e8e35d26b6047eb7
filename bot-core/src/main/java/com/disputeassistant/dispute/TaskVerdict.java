package com.disputeassistant.dispute;

/** The client's check of one task after redelivery (S4). */
public enum TaskVerdict {
    UNCHECKED,
    DONE,
    NOT_DONE
}
