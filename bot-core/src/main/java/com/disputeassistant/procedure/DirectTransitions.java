package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.transition.Transition;
import org.springframework.statemachine.transition.TransitionKind;

/**
 * The procedure's state machine read once, at start, into an immutable table keyed by step and trigger:
 * for each pair, the machine's transitions with the guard and the action the machine itself would run.
 * A turn then evaluates the guards and runs the action of the one that holds against a {@link TurnContext},
 * with no machine to restore, start or stop and no Reactor in between.
 *
 * <p>Why: restoring a pooled machine and dispatching through {@code sendEvent(..).blockLast()} cost about
 * 100 µs and most of a message's allocation; Spring Statemachine stays the definition (its model is what
 * is read here, its guards and actions are what run), and {@code DirectTransitionsPropertyTest} checks that
 * both paths reach the same step with the same effects.
 */
final class DirectTransitions {
    /** One transition of the machine's model with the guard and action configured for it. */
    private record Candidate(Transition<Step, Trigger> transition, Step target, Guard<Step, Trigger> guard,
                             Action<Step, Trigger> action) {
    }

    private final Map<Step, Map<Trigger, List<Candidate>>> byStepAndTrigger = new EnumMap<>(Step.class);
    private final DisputeContextPersist persist;

    DirectTransitions(EscalationProcedure definition, DisputeContextPersist persist) {
        this.persist = persist;
        StateMachine<Step, Trigger> model = definition.newMachine();
        Map<Step, Map<Trigger, List<Candidate>>> building = new EnumMap<>(Step.class);
        for (Transition<Step, Trigger> transition : model.getTransitions()) {
            Step source = transition.getSource().getId();
            Step target = transition.getKind() == TransitionKind.INTERNAL ? source : transition.getTarget().getId();
            Trigger trigger = transition.getTrigger().getEvent();
            building.computeIfAbsent(source, s -> new EnumMap<>(Trigger.class))
                    .computeIfAbsent(trigger, t -> new ArrayList<>())
                    .add(new Candidate(transition, target, definition.guardNamed(transition.getName()),
                            definition.actionNamed(transition.getName())));
        }
        building.forEach((step, byTrigger) -> {
            Map<Trigger, List<Candidate>> frozen = new EnumMap<>(Trigger.class);
            byTrigger.forEach((trigger, candidates) -> frozen.put(trigger, List.copyOf(candidates)));
            byStepAndTrigger.put(step, frozen);
        });
    }

    /**
     * Fires the transition whose guard holds for this command and branch, runs its action on the dispute
     * and writes the reached step into it, as the machine and {@link DisputeContextPersist} would.
     *
     * @throws IllegalStateException when no transition's guard holds (the rules decided a branch the
     *                               procedure has no row for)
     */
    Step fire(Dispute dispute, Command command, Branch branch, Instant now) {
        Map<Trigger, List<Candidate>> byTrigger = byStepAndTrigger.get(dispute.step());
        List<Candidate> candidates = byTrigger == null ? null : byTrigger.get(command.trigger());
        if (candidates != null) {
            for (Candidate candidate : candidates) {
                TurnContext context = new TurnContext(candidate.transition(), dispute, command, branch, now);
                if (candidate.guard().evaluate(context)) {
                    candidate.action().execute(context);
                    persist.write(dispute, candidate.target(), now);
                    return candidate.target();
                }
            }
        }
        throw new IllegalStateException("the procedure has no transition for " + command.trigger()
                + " (" + branch + ") in " + dispute.step());
    }
}
