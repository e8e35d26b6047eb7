package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import org.junit.jupiter.api.Test;

class SyntheticMarketplaceTest {
    private final SyntheticMarketplace marketplace = new SyntheticMarketplace(100);

    @Test
    void eachOrderHasItsOwnClientAndExpertKnownByTheirWebIdentities() {
        var order = marketplace.order(new OrderId("ORD-42")).orElseThrow();

        assertThat(order.client()).isEqualTo(new PersonId("c42"));
        assertThat(order.expert()).isEqualTo(new PersonId("e42"));
        assertThat(marketplace.personByIdentity(ChannelIdentity.of("web:e42")).map(Person::id))
                .contains(new PersonId("e42"));
        assertThat(marketplace.ordersOf(new PersonId("c42"))).containsExactly(order);
    }

    @Test
    void numbersOutsideTheMarketplaceAndOtherNamesAreUnknown() {
        assertThat(marketplace.order(new OrderId("ORD-100"))).isEmpty();
        assertThat(marketplace.order(new OrderId("ORD-x1"))).isEmpty();
        assertThat(marketplace.person(new PersonId("carol"))).isEmpty();
        assertThat(marketplace.personByIdentity(ChannelIdentity.of("slack:T1/U1"))).isEmpty();
        assertThat(marketplace.ordersOf(new PersonId("e"))).isEmpty();
    }
}
