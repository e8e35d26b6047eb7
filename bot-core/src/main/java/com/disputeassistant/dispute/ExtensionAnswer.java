package com.disputeassistant.dispute;

/** The client's answer to a request for more time. */
public enum ExtensionAnswer {
    PENDING,
    GRANTED,
    DECLINED
}
