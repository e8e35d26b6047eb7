package com.disputeassistant.dispute;

/** The client's answer to a request for more time. */
public enum ExtensionAnswer {
    PENDING,
    GRANTED,
    DECLINED,
    /** Asked after the cap was reached: not put to the client; rework stalls instead (C1). */
    OVER_CAP
}
