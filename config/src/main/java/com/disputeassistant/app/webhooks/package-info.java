/**
 * The outcome webhooks: their endpoints and retry period from {@code dispute.webhooks.*}, the events the
 * store queues with each commit, and the sender that delivers them from Redis.
 */
package com.disputeassistant.app.webhooks;
