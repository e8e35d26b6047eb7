package com.disputeassistant.marketplace;

/** Where an order's delivery stands according to the marketplace. */
public enum DeliveryStatus {
    NOT_DELIVERED,
    DELIVERED_LATE,
    DELIVERED;

    public boolean delivered() {
        return this != NOT_DELIVERED;
    }
}
