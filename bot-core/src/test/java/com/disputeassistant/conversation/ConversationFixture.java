package com.disputeassistant.conversation;

import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.YamlMarketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.MovableClock;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/** A real engine over a real Redis (REDIS_URL or embedded) with the conversation test marketplace. */
final class ConversationFixture implements AutoCloseable {
    static final ProcedureSettings SETTINGS =
            ProcedureSettings.defaults().withMediators(Set.of(ChannelIdentity.of("web:maria"), ChannelIdentity.of("web:omar")));

    final UnifiedJedis redis = RedisConnections.connect(RedisTestSupport.redisUrl());
    final String prefix = RedisTestSupport.uniquePrefix();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    final Marketplace marketplace = loadMarketplace();
    final RedisDisputeStore store = new RedisDisputeStore(redis, prefix, clock);

    ConversationEngine newEngine() {
        return new ConversationEngine(marketplace, store, SETTINGS, clock);
    }

    /** An engine that keeps evidence with {@code evidence}. */
    ConversationEngine newEngine(EvidenceIntake evidence) {
        return new ConversationEngine(marketplace, store, SETTINGS, clock, evidence);
    }

    static Marketplace loadMarketplace() {
        try (InputStream in = ConversationFixture.class.getResourceAsStream("/conversation/marketplace.yml")) {
            return YamlMarketplace.fromStream(in, "conversation/marketplace.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        RedisTestSupport.deleteKeys(redis, prefix);
        redis.close();
    }
}
