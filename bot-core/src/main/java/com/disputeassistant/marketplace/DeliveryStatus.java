package com.disputeassistant.marketplace;

/** Where an order's delivery stands according to the marketplace. */
public enum DeliveryStatus {
    NOT_DELIVERED,
    DELIVERED_LATE,
    DELIVERED
}
