/**
 * Outcome webhooks per the Standard Webhooks specification (https://www.standardwebhooks.com): the events
 * a dispute's commits queue ({@link com.disputeassistant.webhooks.WebhookEvents}), their signature
 * ({@link com.disputeassistant.webhooks.WebhookSignature}) and their delivery to the marketplace's endpoints
 * through the Redis outbox ({@link com.disputeassistant.webhooks.WebhookDelivery}), which retries, takes
 * over from a stopped instance and keeps what finally fails as dead letters.
 */
package com.disputeassistant.webhooks;
