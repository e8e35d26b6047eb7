package com.disputeassistant.webhooks;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One receiver of the outcome webhooks: a name (in logs, dead letters and the resend endpoint), the URL
 * the events are posted to, and the secret they are signed with.
 */
public record WebhookEndpoint(String name, URI url, WebhookSecret secret) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public WebhookEndpoint {
        Objects.requireNonNull(secret, "secret");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a webhook endpoint's name is 1 to 64 letters, digits, _ or -, like payments; not '"
                    + name + "'");
        }
        if (url == null || url.getHost() == null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("webhook endpoint " + name + ": the url must be an http:// or https:// URL"
                    + " with a host, like https://payments.example.org/hooks/disputes; not '" + url + "'");
        }
    }
}
