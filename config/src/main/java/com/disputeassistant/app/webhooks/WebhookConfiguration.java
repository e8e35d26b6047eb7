package com.disputeassistant.app.webhooks;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.store.CommitEvents;
import com.disputeassistant.webhooks.WebhookDelivery;
import com.disputeassistant.webhooks.WebhookEndpoint;
import com.disputeassistant.webhooks.WebhookEndpointStates;
import com.disputeassistant.webhooks.WebhookEvents;
import com.disputeassistant.webhooks.WebhookSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Outcome webhooks: every commit queues its events in the Redis outbox {@code outbox:{webhooks}} (so an
 * event exists exactly when its dispute state does), and every instance's sender delivers from there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
public class WebhookConfiguration {
    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);
    /** Each endpoint gets at most this many attempts per second from one instance. */
    private static final int PER_SECOND = 200;

    @Bean
    WebhookEndpoints webhookEndpoints(WebhookSettings settings) {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        var names = new HashSet<String>();
        for (int i = 0; i < settings.endpoints().size(); i++) {
            WebhookSettings.Endpoint written = settings.endpoints().get(i);
            String setting = "dispute.webhooks.endpoints[" + i + "]";
            if (isBlank(written.url()) && isBlank(written.secret())) {
                // An entry left empty (docker-compose passes the variables through even when unset).
                continue;
            }
            try {
                WebhookEndpoint endpoint = new WebhookEndpoint(written.name(), URI.create(String.valueOf(written.url()).strip()),
                        WebhookSecret.parse(written.secret()));
                if (!names.add(endpoint.name())) {
                    throw new IllegalArgumentException("the name " + endpoint.name() + " is used twice");
                }
                endpoints.add(endpoint);
            } catch (IllegalArgumentException e) {
                throw new StartupProblem(setting + ": " + e.getMessage(), "Set " + setting + ".name, .url and .secret "
                        + "(env DISPUTE_WEBHOOKS_ENDPOINTS_" + i + "_NAME, _URL, _SECRET); README.md, "
                        + "'Connecting your marketplace', shows how.");
            }
        }
        log.info(endpoints.isEmpty() ? "Outcome webhooks: no endpoint configured (dispute.webhooks.endpoints)"
                : "Outcome webhooks to {}", endpoints.stream().map(e -> e.name() + " " + e.url()).toList());
        return new WebhookEndpoints(endpoints);
    }

    /** The events each commit queues; the store takes them in its commit. */
    @Bean
    CommitEvents commitEvents(WebhookEndpoints endpoints) {
        return new WebhookEvents(endpoints.all().stream().map(WebhookEndpoint::name).toList());
    }

    @Bean
    Outbox webhookOutbox(UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix) {
        return new Outbox(redis, keyPrefix, WebhookEvents.CHANNEL);
    }

    @Bean
    WebhookEndpointStates webhookEndpointStates(UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix) {
        return new WebhookEndpointStates(redis, keyPrefix);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutboxSender webhookSender(Outbox webhookOutbox, WebhookEndpoints endpoints, WebhookEndpointStates states,
                               WebhookSettings settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        SendPacing pacing = SendPacing.forPeriod(settings.retryPeriod(), settings.firstBackoff(),
                max(settings.firstBackoff(), settings.maxBackoff()), PER_SECOND);
        return new OutboxSender(webhookOutbox, new WebhookDelivery(endpoints.all(), states, http, settings.timeout(), clock),
                pacing, clock, max(settings.takeOverAfter(), settings.timeout().multipliedBy(3)));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The configured endpoints, checked. */
    public record WebhookEndpoints(List<WebhookEndpoint> all) {
        public WebhookEndpoints {
            all = List.copyOf(all);
        }
    }
}
