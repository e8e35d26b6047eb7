package com.disputeassistant.app.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dispute.webhooks.*}; documented in {@code application.yml}.
 *
 * @param endpoints     where the events go; none: no events are queued
 * @param retryPeriod   how long an event that keeps failing is retried, from when it was queued, before
 *                      it is kept as a dead letter
 * @param timeout       how long one attempt waits for the endpoint's answer
 * @param firstBackoff  the wait after the first failure; it doubles (with jitter) up to {@code maxBackoff}
 * @param maxBackoff    the longest wait between two attempts
 * @param takeOverAfter how long one attempt may run before its instance counts as stuck and another takes
 *                      the event over (a dead instance's events are taken over within seconds, by heartbeat);
 *                      must exceed {@code timeout} by far, or a slow attempt is taken over
 */
@ConfigurationProperties("dispute.webhooks")
record WebhookSettings(@DefaultValue List<Endpoint> endpoints, @DefaultValue("24h") Duration retryPeriod,
                       @DefaultValue("10s") Duration timeout, @DefaultValue("5s") Duration firstBackoff,
                       @DefaultValue("1h") Duration maxBackoff, @DefaultValue("60s") Duration takeOverAfter) {

    /** One endpoint: its name, URL and {@code whsec_} secret. */
    record Endpoint(String name, String url, String secret) {
    }
}
