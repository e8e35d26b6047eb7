/**
 * Outbound messages to chat platforms, kept in Redis until the platform accepted them: an
 * {@link com.disputeassistant.outbox.Outbox} per channel, drained by an
 * {@link com.disputeassistant.outbox.OutboxSender} that paces, retries and dead-letters, calling the
 * channel's {@link com.disputeassistant.outbox.PlatformSender}. Channel-agnostic: the adapters decide
 * what a payload is.
 */
package com.disputeassistant.outbox;
