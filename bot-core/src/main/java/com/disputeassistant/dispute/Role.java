package com.disputeassistant.dispute;

/** The part a person plays in one dispute. The same person can be a client in one and an expert in another. */
public enum Role {
    CLIENT,
    EXPERT,
    /** A second expert found by the platform to do the remaining tasks (S3). */
    REPLACEMENT_EXPERT,
    MEDIATOR
}
