package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.YamlMarketplace;
import com.disputeassistant.testing.TestRedis;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The marketplace kept in Redis: the YAML file as the default, loaded once per version of the file. */
class RedisMarketplaceIT {
    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private static Marketplace file() throws Exception {
        try (InputStream in = RedisMarketplaceIT.class.getResourceAsStream("/conversation/marketplace.yml")) {
            return YamlMarketplace.fromStream(in, "conversation/marketplace.yml");
        }
    }

    @Test
    void theFileIsLoadedWholeAndReadsLikeTheFile() throws Exception {
        Marketplace file = file();
        RedisMarketplace stored = new RedisMarketplace(redis.client(), redis.prefix(), Clock.systemUTC());

        assertThat(stored.seed(file, "v1")).isEmpty();

        assertThat(stored.people()).containsExactlyElementsOf(file.people());
        for (Person person : file.people()) {
            assertThat(stored.person(person.id())).hasValue(person);
            person.identities().forEach(identity -> assertThat(stored.personByIdentity(identity)).hasValue(person));
            assertThat(stored.ordersOf(person.id())).containsExactlyInAnyOrderElementsOf(file.ordersOf(person.id()));
            file.ordersOf(person.id()).forEach(order -> assertThat(stored.order(order.id())).hasValue(order));
        }
    }

    @Test
    void whatTheApiChangedStaysUntilTheFileItselfChanges() throws Exception {
        Marketplace file = file();
        RedisMarketplace stored = new RedisMarketplace(redis.client(), redis.prefix(), Clock.systemUTC());
        stored.seed(file, "v1");
        Person alice = stored.person(new PersonId("alice")).orElseThrow();
        Person renamed = new Person(alice.id(), "Alice Renamed", alice.email(), alice.identities());
        assertThat(stored.putPerson(renamed, null)).isInstanceOf(MarketplaceWrite.Written.class);
        Order anOrder = stored.ordersOf(alice.id()).get(0);
        assertThat(stored.deleteOrder(anOrder.id())).isInstanceOf(MarketplaceWrite.Deleted.class);

        stored.seed(file, "v1");
        assertThat(stored.person(alice.id()).orElseThrow().name()).as("a restart with the same file").isEqualTo("Alice Renamed");
        assertThat(stored.order(anOrder.id())).isEmpty();

        stored.seed(file, "v2");
        assertThat(stored.person(alice.id()).orElseThrow().name()).as("a changed file is loaded again").isEqualTo(alice.name());
        assertThat(stored.order(anOrder.id())).hasValue(anOrder);
    }

    @Test
    void anIdentityLeavesItsIndexWhenItsPersonGivesItUpOrIsDeleted() {
        RedisMarketplace stored = new RedisMarketplace(redis.client(), redis.prefix(), Clock.systemUTC());
        ChannelIdentity web = ChannelIdentity.of("web:zed");
        ChannelIdentity telegram = ChannelIdentity.of("telegram:42");
        stored.putPerson(new Person(new PersonId("zed"), "Zed", "", List.of(web, telegram)), null);

        stored.putPerson(new Person(new PersonId("zed"), "Zed", "", List.of(telegram)), null);
        assertThat(stored.personByIdentity(web)).isEmpty();
        assertThat(stored.personByIdentity(telegram)).isPresent();

        assertThat(stored.deletePerson(new PersonId("zed"))).isInstanceOf(MarketplaceWrite.Deleted.class);
        assertThat(stored.personByIdentity(telegram)).isEmpty();
        assertThat(stored.people()).isEmpty();
        assertThat(stored.deletePerson(new PersonId("zed"))).isInstanceOf(MarketplaceWrite.NotFound.class);
        assertThat(stored.order(new OrderId("none"))).isEmpty();
    }
}
