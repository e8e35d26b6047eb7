package com.disputeassistant.app.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.app.StartupProblems;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisIdentityLinks;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Which marketplace the application reads, and how it refuses a file it cannot use. */
class MarketplaceConfigurationTest {

    private static RedisClient redis;

    /** The real links store, empty: these tests are about the file; links are RedisIdentityLinksIT's. */
    private final String prefix = RedisTestSupport.uniquePrefix();
    /** The file is loaded into the real Redis, under this test's prefix (deleted afterwards). */
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(IdentityLinks.class, () -> new RedisIdentityLinks(redis, prefix, Clock.systemUTC()))
            // A connection of its own: the context closes it when it stops.
            .withBean(UnifiedJedis.class, () -> RedisConnections.connect(RedisTestSupport.redisUrl()))
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues("dispute.redis.key-prefix=" + prefix)
            .withUserConfiguration(MarketplaceConfiguration.class);

    @AfterEach
    void deleteWhatTheTestLoaded() {
        RedisTestSupport.deleteKeys(redis, prefix);
    }

    @BeforeAll
    static void connect() {
        redis = RedisConnections.connect(RedisTestSupport.redisUrl());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @TempDir
    Path dir;

    @Test
    void readsTheBundledSampleWhenNoFileIsSet() {
        context.withPropertyValues("dispute.marketplace.file=").run(app -> {
            Marketplace marketplace = app.getBean(Marketplace.class);
            assertThat(marketplace.person(new PersonId("alice"))).isPresent();
            assertThat(marketplace.personByIdentity(ChannelIdentity.of("web:bob"))).isPresent();
        });
    }

    @Test
    void readsTheNamedFile() throws IOException {
        Path file = Files.writeString(dir.resolve("market.yml"), """
                people:
                  - id: zoe
                    name: Zoe Client
                    identities: [web:zoe]
                  - id: yann
                    name: Yann Expert
                    identities: [web:yann]
                orders:
                  - id: ORD-1
                    title: A logo
                    client: zoe
                    expert: yann
                    deliverables: [Three logo drafts]
                    deadline: 2026-12-01
                    currency: EUR
                    price: 300.00
                    paid: 300.00
                    delivery: DELIVERED
                """);

        context.withPropertyValues("dispute.marketplace.file=" + file).run(app -> {
            Marketplace marketplace = app.getBean(Marketplace.class);
            assertThat(marketplace.people()).extracting(person -> person.id().value()).containsExactly("zoe", "yann");
        });
    }

    @Test
    void aMissingFileStopsTheStartSayingWhatToDo() {
        Path missing = dir.resolve("nowhere.yml");

        context.withPropertyValues("dispute.marketplace.file=" + missing).run(app -> {
            assertThat(app).hasFailed();
            StartupProblem problem = StartupProblems.in(app.getStartupFailure());
            assertThat(problem).hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
            assertThat(problem.action()).contains("MARKETPLACE_FILE").contains("bundled sample");
        });
    }

    @Test
    void aBrokenFileStopsTheStartListingTheProblem() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yml"), """
                people:
                  - id: zoe
                    name: Zoe Client
                    identities: [web:zoe]
                orders:
                  - id: ORD-1
                    title: A logo
                    client: zoe
                    expert: nobody
                    deliverables: [Three logo drafts]
                    deadline: 2026-12-01
                    currency: EUR
                    price: 300.00
                    paid: 300.00
                    delivery: DELIVERED
                """);

        context.withPropertyValues("dispute.marketplace.file=" + broken).run(app -> {
            assertThat(app).hasFailed();
            assertThat(StartupProblems.in(app.getStartupFailure()))
                    .hasMessageContaining(broken.toString())
                    .hasMessageContaining("nobody");
        });
    }
}
