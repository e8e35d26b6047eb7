package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.TestRedis;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The benchmark's dispute script really is a whole dispute: the engine takes it to a settled outcome. */
class DisputeScriptIT {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    @Test
    void theScriptSettlesADisputeAtAFairFeeAndALaneThenOpensTheNextOne() {
        RedisDisputeStore store = new RedisDisputeStore(testRedis.client(), testRedis.prefix(), Clock.systemUTC());
        ConversationEngine engine = new ConversationEngine(new SyntheticMarketplace(10), store,
                ProcedureSettings.defaults(), Clock.systemUTC());
        EngineWork work = new EngineWork(engine);
        Lane lane = new Lane(7, DisputeScript.SETTLED_AT_A_FAIR_FEE);

        for (int i = 0; i < DisputeScript.SETTLED_AT_A_FAIR_FEE.size(); i++) {
            work.send(lane);
        }

        assertThat(lane.closedDisputes()).isEqualTo(1);
        assertThat(lane.position()).isZero();
        assertThat(store.openDisputesOf(new PersonId("c7"))).isEmpty();
        assertThat(testRedis.client().xlen(testRedis.prefix() + "payments:outcomes")).isEqualTo(1);
        var outcome = testRedis.client().xrange(testRedis.prefix() + "payments:outcomes", "-", "+").get(0);
        assertThat(outcome.getFields()).containsEntry("outcome", OutcomeType.SETTLED.name())
                .containsEntry("payout", "64000");

        // The next round opens a new dispute on the same order: the lane keeps one dispute open.
        for (int i = 0; i < 3; i++) {
            work.send(lane);
        }
        assertThat(store.openDisputesOf(new PersonId("c7"))).hasSize(1);
    }
}
