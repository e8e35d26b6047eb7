package com.disputeassistant.testing;

import com.disputeassistant.marketplace.Address;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Extension;
import com.disputeassistant.dispute.ExtensionAnswer;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.StallReason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.Task;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.DeliveryStatus;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.Terms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Sample orders and disputes for tests: an author (client) who ordered an edit from an editor (expert),
 * 500.00 EUR, all paid into escrow. Every order gets a fresh id, so tests never share an order.
 */
public final class TestDisputes {
    public static final PersonId CLIENT = new PersonId("alice");
    public static final PersonId EXPERT = new PersonId("bob");
    public static final PersonId REPLACEMENT = new PersonId("carol");
    public static final Money PRICE = Money.of("500.00", "EUR");
    public static final Instant NOW = Instant.parse("2026-11-02T09:30:00Z");

    private TestDisputes() {
    }

    public static Order order() {
        return new Order(new OrderId("ORD-" + UUID.randomUUID().toString().substring(0, 8)),
                "Copy-edit of a 40-page research report", CLIENT, EXPERT,
                new Terms(List.of("Copy-edit all chapters", "Consistent citations"),
                        LocalDate.of(2026, 10, 20), PRICE, PRICE),
                DeliveryStatus.DELIVERED_LATE, List.of("Chapters 1-3 edited, the rest follows"));
    }

    /** A dispute at intake about a fresh order, opened by the client. */
    public static Dispute opened() {
        return opened(order());
    }

    public static Dispute opened(Order order) {
        return Dispute.open(DisputeId.random(), order, CLIENT, NOW);
    }

    /**
     * A dispute with every field set through the procedure's own methods, closed by a mediator with a
     * fee of 320.00 EUR: for tests that must see every part of a dispute survive a trip through storage.
     */
    public static Dispute fullyPopulated() {
        Dispute dispute = opened();
        Instant later = NOW.plus(Duration.ofHours(5));
        dispute.chooseReason(Reason.NOT_ACCEPTABLE);
        dispute.describe("Chapters 4-7 were not edited at all.");
        dispute.proposeResolution(Role.EXPERT);
        dispute.confirmTerms(Role.EXPERT);
        dispute.confirmTerms(Role.CLIENT);
        dispute.defineTerms("All chapters, Chicago citations, by 20 October.");
        Task first = dispute.addTask("Edit chapters 4-7");
        dispute.addTask("Fix the citations in chapter 2");
        dispute.assignReplacement(REPLACEMENT);
        dispute.startRework(later.plus(Duration.ofDays(5)));
        dispute.replaceTask(first.withScope(TaskScope.ACCEPTED).withDoneClaimed(true).withVerdict(TaskVerdict.DONE));
        dispute.recordExtension(new Extension(REPLACEMENT, later, 2, "Chapter 6 is longer than expected",
                ExtensionAnswer.PENDING, null));
        dispute.answerPendingExtension(ExtensionAnswer.GRANTED, later.plusSeconds(600));
        dispute.extendRework(later.plus(Duration.ofDays(7)));
        dispute.markRedelivered();
        dispute.stall(StallReason.DEADLINE_MISSED);
        dispute.requestMoneyBack();
        dispute.nextFeeRound();
        dispute.proposeFee(Role.EXPERT, Money.of("350.00", "EUR"));
        dispute.proposeFee(Role.CLIENT, Money.of("300.00", "EUR"));
        dispute.suggestFee(Money.of("325.00", "EUR"));
        dispute.acceptFeeSuggestion(Role.CLIENT);
        dispute.handOff(HandoffReason.FEE_IMPASSE, Step.FEE, later.plus(Duration.ofDays(8)));
        dispute.claim("web:mia");
        dispute.rememberContact(CLIENT, new Address(new ChannelIdentity("telegram", "1001"), "chat-1001"));
        dispute.rememberContact(EXPERT, Address.of(new ChannelIdentity("web", "bob")));
        dispute.moveTo(Step.CLOSED, later.plus(Duration.ofDays(10)), List.of(later.plus(Duration.ofDays(5))));
        dispute.close(Outcome.withFee(dispute.id(), OutcomeType.DECIDED_BY_MEDIATOR,
                Money.of("320.00", "EUR"), dispute.paid(), later.plus(Duration.ofDays(9)), "web:mia"));
        return dispute;
    }
}
