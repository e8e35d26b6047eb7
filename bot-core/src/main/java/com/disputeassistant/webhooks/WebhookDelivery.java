package com.disputeassistant.webhooks;

import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.PlatformSender;
import com.disputeassistant.outbox.SendFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one queued event to its endpoint as the Standard Webhooks specification says: the body as
 * queued, with {@code webhook-id} (the same on every attempt), {@code webhook-timestamp} (this attempt,
 * in seconds) and {@code webhook-signature}. Any 2xx delivers it; 410 Gone disables the endpoint for every
 * instance and the event becomes a dead letter; anything else (another status, a timeout, a refused
 * connection) is retried by the outbox sender with backoff until the retry period is over.
 */
public final class WebhookDelivery implements PlatformSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final Map<String, WebhookEndpoint> endpoints;
    private final WebhookEndpointStates states;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookDelivery(List<WebhookEndpoint> endpoints, WebhookEndpointStates states, HttpClient http,
                           Duration timeout, Clock clock) {
        this.endpoints = endpoints.stream().collect(Collectors.toUnmodifiableMap(WebhookEndpoint::name, Function.identity()));
        this.states = Objects.requireNonNull(states, "states");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(OutboxEntry entry) throws SendFailure {
        String name = WebhookEvents.endpointOf(entry);
        WebhookEndpoint endpoint = endpoints.get(name);
        if (endpoint == null) {
            throw SendFailure.permanent("the webhook endpoint " + name + " is no longer configured");
        }
        var disabled = states.disabled(name);
        if (disabled.isPresent()) {
            throw SendFailure.permanent("the webhook endpoint " + name + " is disabled (" + disabled.get() + ")");
        }
        WebhookEvents.Message message = WebhookEvents.Message.of(entry);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "dispute-assistant-webhooks/1")
                .header("webhook-id", message.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(endpoint.secret(), message.webhookId(), timestamp,
                        message.body()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body()))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw SendFailure.transientFailure(name + " did not answer within " + timeout, e);
        } catch (IOException e) {
            throw SendFailure.transientFailure(name + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.transientFailure("interrupted while sending to " + name, e);
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 410) {
            states.disable(name, "it answered 410 Gone to " + message.webhookId(), clock.instant());
            log.error("Webhook endpoint {} answered 410 Gone: disabled for every instance; its events are kept as dead "
                    + "letters until it is enabled with a resend", name);
            throw SendFailure.permanent(name + " answered 410 Gone; the endpoint is now disabled");
        }
        throw SendFailure.transientFailure(name + " answered HTTP " + status, null);
    }
}
