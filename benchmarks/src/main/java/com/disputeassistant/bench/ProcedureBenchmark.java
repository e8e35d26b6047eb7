package com.disputeassistant.bench;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.procedure.Actor;
import com.disputeassistant.procedure.Command;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.procedure.Trigger;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the procedure alone, no Redis and no text, for the CPU the state machine costs per message. One
 * invocation opens a dispute and takes it through three transitions (reason, description, escalate), as
 * the first messages of the load driver's script do. {@code path} compares the engine's direct path (the
 * machine's model read once, its guards and actions run without a machine) with the full Spring
 * Statemachine path (a pooled machine restored from the dispute and sent the event, every transition).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcedureBenchmark {
    /** Transitions one invocation applies, to turn the score into a cost per transition. */
    static final int TRANSITIONS = 3;

    @Param({"direct", "machine"})
    public String path;

    private Procedure procedure;
    private final Order order = new SyntheticMarketplace(1).orderNumber(0);
    private final Actor client = Actor.person("web:c0", order.client());
    private final Instant now = Instant.parse("2026-11-20T09:00:00Z");

    @Setup
    public void choosePath() {
        procedure = "machine".equals(path) ? Procedure.viaStateMachine(ProcedureSettings.defaults())
                : new Procedure(ProcedureSettings.defaults());
    }

    @Benchmark
    public Dispute openDescribeAndEscalate() {
        Dispute dispute = procedure.open(new DisputeId("BENCH1"), order, order.client(), now);
        procedure.apply(dispute, Command.of(Trigger.CHOOSE_REASON, client).withReason(Reason.NOT_ACCEPTABLE), now);
        procedure.apply(dispute, Command.of(Trigger.DESCRIBE, client).withText("Chapters 4 and 5 were not edited"), now);
        procedure.apply(dispute, Command.of(Trigger.ESCALATE, client), now);
        return dispute;
    }
}
