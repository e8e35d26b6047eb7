package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.PersonId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import reactor.core.publisher.Mono;

/**
 * Applies one command to one dispute by the escalation procedure's state machine. The caller loaded the
 * dispute and commits it afterwards; nothing here does I/O.
 *
 * <p>A turn resolves the transition directly ({@link DirectTransitions}): the machine's model is read once
 * at start into a table keyed by step and trigger, and a turn runs the guard and action the machine is
 * configured with, without restoring, starting or dispatching through a machine. {@link #viaStateMachine}
 * keeps the full path (restore a pooled machine from the dispute, send the event, persist the reached
 * state back), which a property test holds the direct path to and the benchmark compares it with.
 */
public final class Procedure {
    private final EscalationProcedure definition;
    private final Rules rules;
    private final StateMachinePersister<Step, Trigger, Dispute> persister;
    private final Queue<StateMachine<Step, Trigger>> idleMachines = new ConcurrentLinkedQueue<>();
    private final ProcedureSettings settings;
    /** The steps a mediator can name for a hand-back, from the table. */
    private final Set<Step> handBackSteps;
    /** The direct path; null when every turn goes through a state machine. */
    private final DirectTransitions direct;

    public Procedure(ProcedureSettings settings) {
        this(settings, true);
    }

    private Procedure(ProcedureSettings settings, boolean direct) {
        this.settings = settings;
        this.rules = new Rules(settings);
        this.definition = new EscalationProcedure(settings);
        this.handBackSteps = definition.table().namedTargets(Step.MEDIATION, Trigger.HAND_BACK);
        DisputeContextPersist persist = new DisputeContextPersist(settings);
        this.persister = new DefaultStateMachinePersister<>(persist);
        this.direct = direct ? new DirectTransitions(definition, persist) : null;
    }

    /**
     * The same procedure, but every turn restores a pooled Spring state machine from the dispute and sends
     * it the event: the reference the direct path is tested against and measured with, not for production.
     */
    public static Procedure viaStateMachine(ProcedureSettings settings) {
        return new Procedure(settings, false);
    }

    /**
     * Opens a dispute at intake, whose deadline and reminders start now: an intake nobody finishes is
     * withdrawn by itself, like every other step that waits.
     */
    public Dispute open(DisputeId id, Order order, PersonId openedBy, Instant now) {
        Dispute dispute = Dispute.open(id, order, openedBy, now);
        Instant deadline = now.plus(settings.deadlineOf(Step.INTAKE));
        dispute.moveTo(Step.INTAKE, deadline, settings.remindersBetween(now, deadline));
        return dispute;
    }

    /**
     * Applies the command to the dispute in place. On refusal the dispute is unchanged.
     */
    public Transition apply(Dispute dispute, Command command, Instant now) {
        Step from = dispute.step();
        if (!dispute.isClosed() && !definition.accepts(from, command.trigger())) {
            return new Transition(command.trigger(), from, from, null, Refusal.of("refuse.step", from));
        }
        Rules.Decision decision = rules.decide(dispute, command, now);
        if (decision.refused()) {
            return new Transition(command.trigger(), from, from, null, decision.refusal());
        }
        if (direct != null) {
            direct.fire(dispute, command, decision.branch(), now);
        } else {
            runMachine(dispute, command, decision.branch(), now);
        }
        Step to = dispute.step();
        return new Transition(command.trigger(), from, to,
                new TimelineEntry(now, command.actor().identity(), from, to, why(command, decision.branch())), null);
    }

    private void runMachine(Dispute dispute, Command command, Branch branch, Instant now) {
        Step from = dispute.step();
        StateMachine<Step, Trigger> machine = borrow();
        try {
            persister.restore(machine, dispute);
            machine.getExtendedState().getVariables().put(EscalationProcedure.NOW, now);
            Message<Trigger> event = MessageBuilder.withPayload(command.trigger())
                    .setHeader(EscalationProcedure.COMMAND, command)
                    .setHeader(EscalationProcedure.BRANCH, branch)
                    .build();
            StateMachineEventResult.ResultType result = machine.sendEvent(Mono.just(event))
                    .blockLast().getResultType();
            if (machine.hasStateMachineError()) {
                throw new IllegalStateException("the procedure failed on " + command.trigger() + " in " + from);
            }
            // Spring Statemachine answers ACCEPTED even when every guard said no, so the effects
            // report whether a transition really fired.
            boolean fired = machine.getExtendedState().getVariables().remove(EscalationProcedure.FIRED) != null;
            if (result != StateMachineEventResult.ResultType.ACCEPTED || !fired) {
                throw new IllegalStateException("the procedure has no transition for " + command.trigger()
                        + " (" + branch + ") in " + from);
            }
            persister.persist(machine, dispute);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the procedure's state machine failed", e);
        } finally {
            release(machine);
        }
    }

    /**
     * The steps a hand-back by the mediator holding this dispute would be accepted for now, the step it was
     * handed off from first, then in the procedure's order; empty unless the dispute is with a mediator.
     * Derived from the same table and rules that decide a hand-back, so whatever this offers is accepted.
     */
    public List<Step> resumableSteps(Dispute dispute) {
        if (dispute.step() != Step.MEDIATION) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>(handBackSteps.size());
        dispute.resumeStep().filter(handBackSteps::contains)
                .filter(step -> Rules.resumeRefusal(dispute, step).isEmpty()).ifPresent(steps::add);
        for (Step step : handBackSteps) {
            if (!steps.contains(step) && Rules.resumeRefusal(dispute, step).isEmpty()) {
                steps.add(step);
            }
        }
        return List.copyOf(steps);
    }

    /** Whether the bot may put a full refund on the table for this dispute (S5, S6). */
    public boolean fullRefundOfferable(Dispute dispute) {
        return rules.fullRefundOfferable(dispute);
    }

    private static String why(Command command, Branch branch) {
        StringBuilder why = new StringBuilder(command.trigger().name().toLowerCase().replace('_', ' '));
        if (branch != Branch.GO) {
            why.append(" (").append(branch.name().toLowerCase().replace('_', ' ')).append(')');
        }
        if (command.number() > 0) {
            why.append(" #").append(command.number());
        }
        if (command.step() != null) {
            why.append(" at ").append(command.step());
        }
        if (command.reason() != null) {
            why.append(": ").append(command.reason());
        }
        if (command.verdict() != null) {
            why.append(": ").append(command.verdict());
        }
        return why.toString();
    }

    private StateMachine<Step, Trigger> borrow() {
        StateMachine<Step, Trigger> machine = idleMachines.poll();
        return machine != null ? machine : definition.newMachine();
    }

    private void release(StateMachine<Step, Trigger> machine) {
        // A machine that reached CLOSED, the end state, has completed and ignores the reset to another
        // dispute's step: it would refuse that dispute's every event. Only running machines go back.
        if (!machine.hasStateMachineError() && !machine.isComplete()) {
            idleMachines.offer(machine);
        }
    }
}
