package com.disputeassistant.web;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.DeliveryStatus;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.Terms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A small marketplace for the endpoint tests: Alice ordered a logo from Bob. */
final class Samples {
    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
    static final ChannelIdentity ALICE_WEB = ChannelIdentity.of("web:alice");
    static final Person ALICE = new Person(new PersonId("alice"), "Alice Author", "alice@example.org",
            List.of(ChannelIdentity.of("telegram:1001"), ALICE_WEB));
    static final Person BOB = new Person(new PersonId("bob"), "Bob Editor", "", List.of(ChannelIdentity.of("web:bob")));
    static final Person TELEGRAM_ONLY = new Person(new PersonId("tom"), "Tom", "", List.of(ChannelIdentity.of("telegram:9")));
    static final Order LOGO = new Order(new OrderId("ORD-1001"), "Logo design", ALICE.id(), BOB.id(),
            new Terms(List.of("3 logo drafts", "final SVG"), LocalDate.of(2026, 11, 1),
                    Money.of("120.00", "EUR"), Money.of("120.00", "EUR")),
            DeliveryStatus.DELIVERED, List.of("drafts sent"));

    private Samples() {
    }

    static Dispute openDispute(String id) {
        return Dispute.open(new DisputeId(id), LOGO, ALICE.id(), NOW);
    }
}
