package com.disputeassistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.testing.TestRedis;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The peer row's recipe really runs the dispute: every event is applied, and the dispute ends settled. */
class PersisterRecipeIT {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    @Test
    void everyEventOfTheScriptIsAppliedAndTheStoredContextEndsClosedThenANewDisputeStarts() {
        PersisterRecipe recipe = new PersisterRecipe(testRedis.client(), testRedis.prefix(), new SyntheticMarketplace(10),
                10, Clock.systemUTC());
        Lane lane = new Lane(3, DisputeScript.SETTLED_AT_A_FAIR_FEE);

        for (int i = 0; i < PersisterRecipe.SCRIPT.size(); i++) {
            recipe.send(lane);
        }
        Dispute settled = PersisterRecipe.read(testRedis.client().get(recipe.key(3)));
        assertThat(settled.step()).isEqualTo(Step.CLOSED);
        assertThat(settled.isClosed()).isTrue();

        recipe.send(lane);
        recipe.send(lane);
        Dispute next = PersisterRecipe.read(testRedis.client().get(recipe.key(3)));
        assertThat(next.id()).isNotEqualTo(settled.id());
        assertThat(next.step()).isNotEqualTo(Step.CLOSED);
    }
}
