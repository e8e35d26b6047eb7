package com.disputeassistant.webhooks;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.store.Change;
import com.disputeassistant.store.CommitEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome webhooks a change causes, one outbox entry per event and endpoint, queued by the change's
 * own commit:
 * <ul>
 *   <li>{@code dispute.opened}: the commit that creates the dispute;
 *   <li>{@code dispute.handed_to_mediator}: a transition into mediation from another step;
 *   <li>{@code dispute.closed}: the commit that closes it, with the outcome and, when it carries money,
 *       currency, paid, fee, payout and refund (payout + refund = paid; the fee is the payout) and the
 *       idempotency key also on the {@code payments:outcomes} stream.
 * </ul>
 *
 * <p>Bodies are versioned JSON, {@code {"type", "version": 1, "timestamp", "data"}}, amounts as decimal
 * strings. The {@code webhook-id} is derived from the dispute, its version and the event, so the same
 * event always has the same id: on every retry, and for the receiver to drop what it has seen.
 *
 * <p>An entry's conversation is {@code <endpoint>/<webhook-id>}, so each event is retried on its own
 * (one failing event holds back no other), and its payload is the webhook-id, a line break and the body.
 */
public final class WebhookEvents implements CommitEvents {
    /** The outbox channel of the webhooks. */
    public static final String CHANNEL = "webhooks";
    static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final List<String> endpoints;

    /** Events for these endpoints (by name); none for an empty list. */
    public WebhookEvents(List<String> endpointNames) {
        this.endpoints = List.copyOf(endpointNames);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Events of(Change change) {
        if (endpoints.isEmpty()) {
            return Events.NONE;
        }
        Dispute dispute = change.dispute();
        long version = change.expectedVersion() + 1;
        List<OutboxEntry> committed = new ArrayList<>();
        if (change.expectedVersion() == 0) {
            committed.addAll(entries(dispute, version, "dispute.opened", dispute.openedAt(), opened(dispute)));
        }
        change.timeline().stream()
                .filter(entry -> entry.to() == Step.MEDIATION && entry.from() != Step.MEDIATION)
                .findFirst()
                .ifPresent(entry -> committed.addAll(entries(dispute, version, "dispute.handed_to_mediator",
                        entry.at(), handedOff(dispute, entry))));
        List<OutboxEntry> closed = dispute.isClosed() && dispute.outcome().isPresent()
                ? entries(dispute, version, "dispute.closed", dispute.outcome().get().decidedAt(), closed(dispute))
                : List.of();
        return new Events(committed, closed);
    }

    /** The webhook-id and body of a queued entry's payload. */
    public record Message(String webhookId, String body) {
        /** Reads what {@link WebhookEvents} queued. */
        public static Message of(OutboxEntry entry) {
            String payload = entry.payload();
            int lineBreak = payload.indexOf('\n');
            if (lineBreak <= 0) {
                throw new IllegalArgumentException("not a webhook payload: it has no webhook-id line");
            }
            return new Message(payload.substring(0, lineBreak), payload.substring(lineBreak + 1));
        }
    }

    /** The endpoint name of a queued entry. */
    public static String endpointOf(OutboxEntry entry) {
        String conversation = entry.conversation();
        int slash = conversation.indexOf('/');
        return slash < 0 ? conversation : conversation.substring(0, slash);
    }

    private List<OutboxEntry> entries(Dispute dispute, long version, String type, Instant at, Map<String, Object> data) {
        String id = "msg_" + dispute.id().value() + "_" + version + "_" + type.substring(type.indexOf('.') + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("version", VERSION);
        body.put("timestamp", at.toString());
        body.put("data", data);
        String payload = id + "\n" + JSON.writeValueAsString(body);
        return endpoints.stream().map(endpoint -> new OutboxEntry(endpoint + "/" + id, payload)).toList();
    }

    private static Map<String, Object> opened(Dispute dispute) {
        Map<String, Object> data = common(dispute);
        data.put("openedBy", dispute.openedBy().value());
        data.put("openedAt", dispute.openedAt().toString());
        data.put("currency", dispute.paid().currency().getCurrencyCode());
        data.put("price", decimal(dispute.price()));
        data.put("paid", decimal(dispute.paid()));
        return data;
    }

    private static Map<String, Object> handedOff(Dispute dispute, TimelineEntry entry) {
        Map<String, Object> data = common(dispute);
        data.put("reason", dispute.handoffReason().map(reason -> reason.name().toLowerCase(Locale.ROOT)).orElse(null));
        data.put("handedOffAt", entry.at().toString());
        return data;
    }

    private static Map<String, Object> closed(Dispute dispute) {
        Outcome outcome = dispute.outcome().orElseThrow();
        Map<String, Object> data = common(dispute);
        data.put("outcome", outcome.type().name().toLowerCase(Locale.ROOT));
        data.put("carriesMoney", outcome.type().carriesMoney());
        if (outcome.type().carriesMoney()) {
            data.put("currency", dispute.paid().currency().getCurrencyCode());
            data.put("paid", decimal(dispute.paid()));
            data.put("fee", decimal(outcome.payout()));
            data.put("payout", decimal(outcome.payout()));
            data.put("refund", decimal(outcome.refund()));
        }
        data.put("idempotencyKey", outcome.idempotencyKey());
        data.put("decidedAt", outcome.decidedAt().toString());
        data.put("decidedBy", Objects.requireNonNullElse(outcome.decidedBy(), ""));
        return data;
    }

    private static Map<String, Object> common(Dispute dispute) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("disputeId", dispute.id().value());
        data.put("orderId", dispute.order().id().value());
        data.put("client", dispute.client().value());
        data.put("expert", dispute.workingExpert().value());
        return data;
    }

    private static String decimal(Money money) {
        return money.amount().toPlainString();
    }
}
