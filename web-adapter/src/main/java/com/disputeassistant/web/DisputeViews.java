package com.disputeassistant.web;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Extension;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.Task;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.Terms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the page shows of a dispute, as JSON. Separate from {@link Dispute} so that the stored form
 * can change without breaking the page, and so that ids and amounts read plainly ({@code "bob"},
 * {@code "120.50"}) instead of as nested objects. Absent values are {@code null}.
 */
final class DisputeViews {
    private DisputeViews() {
    }

    /** One line of a person's list of open disputes. */
    record Summary(String id, String orderId, String orderTitle, String role, Step step, Instant stepDeadline) {
        static Summary of(Dispute dispute, PersonId viewer) {
            return new Summary(dispute.id().value(), dispute.order().id().value(), dispute.order().title(),
                    dispute.roleOf(viewer).map(DisputeViews::roleName).orElse(null), dispute.step(),
                    dispute.stepDeadline().orElse(null));
        }
    }

    record Summaries(List<Summary> disputes) {
    }

    /** A dispute in the mediators' queue: what it is about, why it was handed off, since when. */
    record Waiting(String id, String orderId, String orderTitle, String reason, Instant since) {
        static Waiting of(Dispute dispute) {
            return new Waiting(dispute.id().value(), dispute.order().id().value(), dispute.order().title(),
                    dispute.handoffReason().map(Enum::name).orElse(null), dispute.handedOffAt().orElse(null));
        }
    }

    record Queue(List<Waiting> waiting) {
    }

    /** Everything the playground's side panel shows; {@code transcript} is the latest lines only. */
    record Details(String id, Step step, Instant stepDeadline, OrderView order, String openedBy, Instant openedAt,
                   String reason, String description, TermsView terms, String termsDefinedByMediator,
                   List<String> termsConfirmedBy, List<Task> tasks, Rework rework, List<ExtensionView> extensions,
                   Fee fee, Mediation mediation, OutcomeView outcome, List<TimelineEntry> timeline,
                   List<TranscriptEntry> transcript) {

        static Details of(Dispute d, List<TimelineEntry> timeline, List<TranscriptEntry> transcript) {
            return new Details(d.id().value(), d.step(), d.stepDeadline().orElse(null), OrderView.of(d.order()),
                    d.openedBy().value(), d.openedAt(), d.reason().map(Enum::name).orElse(null),
                    d.description().orElse(null), TermsView.of(d.terms()), d.termsDefinedByMediator().orElse(null),
                    roleNames(d.termsConfirmedBy()), d.tasks(),
                    Rework.of(d), d.extensions().stream().map(ExtensionView::of).toList(), Fee.of(d),
                    Mediation.of(d), d.outcome().map(OutcomeView::of).orElse(null), timeline, transcript);
        }
    }

    record OrderView(String id, String title, String client, String expert, String deliveryStatus) {
        static OrderView of(Order order) {
            return new OrderView(order.id().value(), order.title(), order.client().value(), order.expert().value(),
                    order.deliveryStatus().name());
        }
    }

    record TermsView(List<String> deliverables, LocalDate deadline, Amount price, Amount paid) {
        static TermsView of(Terms terms) {
            return new TermsView(terms.deliverables(), terms.deadline(), Amount.of(terms.price()),
                    Amount.of(terms.paid()));
        }
    }

    record Rework(int round, String workingExpert, String replacementExpert, Instant deadline, boolean redelivered,
                  String stalledBecause, boolean moneyBackRequested) {
        static Rework of(Dispute d) {
            return new Rework(d.reworkRound(), d.workingExpert().value(),
                    d.replacementExpert().map(PersonId::value).orElse(null), d.reworkDeadline().orElse(null),
                    d.redelivered(), d.stalledBecause().map(Enum::name).orElse(null), d.moneyBackRequested());
        }
    }

    record ExtensionView(String requestedBy, Instant requestedAt, int days, String why, String answer,
                         Instant answeredAt) {
        static ExtensionView of(Extension e) {
            return new ExtensionView(e.requestedBy().value(), e.requestedAt(), e.days(), e.why(), e.answer().name(),
                    e.answeredAt());
        }
    }

    /**
     * The fee step: each party's latest figure, who has proposed in this round, and whether the bot
     * has shown both figures yet. In chat a figure stays private until both have proposed; the
     * playground shows it anyway because its user plays every part. A console for real users must
     * hide unrevealed figures from the other party.
     */
    record Fee(int round, Map<String, Amount> proposals, List<String> proposedThisRound, boolean figuresRevealed,
               Amount suggestion, List<String> suggestionAcceptedBy) {
        static Fee of(Dispute d) {
            Map<String, Amount> proposals = new TreeMap<>();
            d.feeProposals().forEach((role, fee) -> proposals.put(roleName(role), Amount.of(fee)));
            return new Fee(d.feeRound(), proposals, roleNames(d.feeRoundProposers()), d.feeFiguresRevealed(),
                    d.feeSuggestion().map(Amount::of).orElse(null), roleNames(d.feeSuggestionAcceptedBy()));
        }
    }

    record Mediation(String reason, Step resumeStep, String mediator) {
        static Mediation of(Dispute d) {
            return new Mediation(d.handoffReason().map(Enum::name).orElse(null), d.resumeStep().orElse(null),
                    d.mediator().orElse(null));
        }
    }

    /** Payout and refund are null for outcomes without money; then {@code currency} is too. */
    record OutcomeView(String type, String payout, String refund, String currency, Instant decidedAt,
                       String decidedBy) {
        static OutcomeView of(Outcome outcome) {
            return new OutcomeView(outcome.type().name(), plain(outcome.payout()), plain(outcome.refund()),
                    outcome.payout() == null ? null : outcome.payout().currency().getCurrencyCode(),
                    outcome.decidedAt(), outcome.decidedBy());
        }
    }

    /** An amount as a decimal string (exact, no floating point) and its currency code. */
    record Amount(String amount, String currency) {
        static Amount of(Money money) {
            return new Amount(plain(money), money.currency().getCurrencyCode());
        }
    }

    private static String plain(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    private static List<String> roleNames(Set<Role> roles) {
        return roles.stream().map(DisputeViews::roleName).sorted().toList();
    }

    private static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
