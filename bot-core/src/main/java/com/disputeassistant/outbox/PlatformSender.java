package com.disputeassistant.outbox;

/**
 * Port to a chat platform's API for one channel: performs the request an {@link OutboxEntry} holds.
 * Returns normally once the platform accepted it, and says through {@link SendFailure} whether and when
 * to try again. Called by one {@link OutboxSender} thread at a time.
 */
@FunctionalInterface
public interface PlatformSender {

    void send(OutboxEntry entry) throws SendFailure;
}
