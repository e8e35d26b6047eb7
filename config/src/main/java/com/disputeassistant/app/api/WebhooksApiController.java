package com.disputeassistant.app.api;

import com.disputeassistant.app.webhooks.WebhookConfiguration.WebhookEndpoints;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.webhooks.WebhookEndpoint;
import com.disputeassistant.webhooks.WebhookEndpointStates;
import com.disputeassistant.webhooks.WebhookEvents;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outcome webhooks' endpoints as the marketplace sees them: whether each is enabled, and how many
 * events wait or failed; and a resend that enables an endpoint again and queues its dead letters anew,
 * with their original {@code webhook-id}s.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhooksApiController {
    private static final Logger log = LoggerFactory.getLogger(WebhooksApiController.class);

    private final WebhookEndpoints endpoints;
    private final WebhookEndpointStates states;
    private final Outbox outbox;

    WebhooksApiController(WebhookEndpoints endpoints, WebhookEndpointStates states, Outbox webhookOutbox) {
        this.endpoints = endpoints;
        this.states = states;
        this.outbox = webhookOutbox;
    }

    @GetMapping
    Map<String, Object> endpoints() {
        Map<String, String> disabled = states.allDisabled();
        Map<String, Long> deadLetters = new LinkedHashMap<>();
        outbox.deadLetters().forEach(dead -> deadLetters.merge(WebhookEvents.endpointOf(dead.entry()), 1L, Long::sum));
        return Map.of("endpoints", endpoints.all().stream().map(endpoint -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", endpoint.name());
            view.put("url", endpoint.url().toString());
            view.put("enabled", !disabled.containsKey(endpoint.name()));
            if (disabled.containsKey(endpoint.name())) {
                view.put("disabledBecause", disabled.get(endpoint.name()));
            }
            view.put("deadLetters", deadLetters.getOrDefault(endpoint.name(), 0L));
            return view;
        }).toList(), "waiting", outbox.waiting());
    }

    @PostMapping("/{name}/resend")
    ResponseEntity<Object> resend(@PathVariable String name, Principal key) {
        Optional<WebhookEndpoint> endpoint = endpoints.all().stream().filter(e -> e.name().equals(name)).findFirst();
        if (endpoint.isEmpty()) {
            log.info("Marketplace API: key '{}' POST resend '{}': 404", key.getName(), name);
            return ApiAnswers.answer(HttpStatus.NOT_FOUND, "There is no webhook endpoint '" + name + "'; GET /api/v1/webhooks "
                    + "lists them.");
        }
        states.enable(name);
        long queued = outbox.resendDeadLetters(name + "/");
        log.info("Marketplace API: key '{}' POST resend '{}': endpoint enabled, {} dead letters queued again",
                key.getName(), name, queued);
        return ResponseEntity.ok(Map.of("endpoint", name, "enabled", true, "queued", queued));
    }
}
