package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.LinkedMarketplace;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.YamlMarketplace;
import com.disputeassistant.testing.MovableClock;
import com.disputeassistant.testing.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

class RedisIdentityLinksIT {
    private static final PersonId ALICE = new PersonId("alice");
    private static final PersonId BOB = new PersonId("bob");
    private static final ChannelIdentity NEW_TELEGRAM = ChannelIdentity.of("telegram:555");
    private static final ChannelIdentity NEW_SLACK = ChannelIdentity.of("slack:T1/U555");

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private RedisClient redis;
    private static Marketplace file;
    private String prefix;
    private MovableClock clock;
    private RedisIdentityLinks links;
    private LinkedMarketplace marketplace;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RedisIdentityLinksIT.class.getResourceAsStream("/conversation/marketplace.yml")) {
            file = YamlMarketplace.fromStream(in, "conversation/marketplace.yml");
        }
    }

    @BeforeEach
    void fresh() {
        redis = testRedis.client();
        prefix = testRedis.prefix();
        clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
        links = new RedisIdentityLinks(redis, prefix, clock);
        marketplace = new LinkedMarketplace(file, links);
    }

    @Test
    void aLinkedIdentityFindsItsPersonWhoIsThenReachedThereFirst() {
        assertThat(marketplace.personByIdentity(NEW_TELEGRAM)).isEmpty();
        ChannelIdentity listedFirst = file.person(ALICE).orElseThrow().identities().get(0);
        assertThat(marketplace.contactOf(ALICE)).contains(listedFirst);

        links.link(NEW_TELEGRAM, ALICE);
        assertThat(marketplace.contactOf(ALICE)).contains(NEW_TELEGRAM);
        clock.advance(Duration.ofSeconds(1));
        links.link(NEW_SLACK, ALICE);

        assertThat(marketplace.personByIdentity(NEW_TELEGRAM)).map(Person::id).contains(ALICE);
        assertThat(marketplace.contactOf(ALICE)).as("the latest link").contains(NEW_SLACK);
        assertThat(marketplace.personByIdentity(listedFirst)).map(Person::id).contains(ALICE);
        assertThat(marketplace.person(ALICE)).as("names and orders need no links").isEqualTo(file.person(ALICE));
    }

    @Test
    void relinkingAnIdentityMovesItFromOnePersonToTheOther() {
        links.link(NEW_TELEGRAM, ALICE);
        links.link(NEW_TELEGRAM, BOB);

        assertThat(links.personOf(NEW_TELEGRAM)).contains(BOB);
        assertThat(links.linkedTo(ALICE)).isEmpty();
        assertThat(links.linkedTo(BOB)).containsExactly(NEW_TELEGRAM);
        assertThat(marketplace.contactOf(ALICE)).isEqualTo(file.contactOf(ALICE));
        assertThat(marketplace.contactOf(BOB)).contains(NEW_TELEGRAM);
    }

    @Test
    void anIdentityTheMarketplaceListsIsNeverTakenOverByALink() {
        ChannelIdentity bobsListed = file.person(BOB).orElseThrow().identities().get(0);
        links.link(bobsListed, ALICE);

        assertThat(marketplace.personByIdentity(bobsListed)).map(Person::id).contains(BOB);
        assertThat(marketplace.contactOf(ALICE)).isEqualTo(file.contactOf(ALICE));
    }
}
