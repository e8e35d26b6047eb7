package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import java.time.Instant;
import java.util.List;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;

/**
 * Our {@link StateMachinePersist}: the machine's context lives inside the {@link Dispute} (its step,
 * and the dispute itself as extended state), and the dispute is what the store writes to Redis in the
 * turn's single atomic commit. Spring Statemachine's own Redis module does not run on Boot 4, and a
 * second write per turn would break "load, act, save once".
 */
final class DisputeContextPersist implements StateMachinePersist<Step, Trigger, Dispute> {
    private final ProcedureSettings settings;

    DisputeContextPersist(ProcedureSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(StateMachineContext<Step, Trigger> context, Dispute dispute) {
        write(dispute, context.getState(), context.getExtendedState().get(EscalationProcedure.NOW, Instant.class));
    }

    /**
     * Writes the step a transition reached into the dispute, with its deadline and reminders: the machine's
     * persist and the direct path ({@link DirectTransitions}) both end a turn here.
     */
    void write(Dispute dispute, Step reached, Instant now) {
        if (reached != dispute.step()) {
            moveTo(dispute, reached, deadlineOf(dispute, reached, now), now);
        } else if (reached == Step.REWORK && !dispute.reworkDeadline().equals(dispute.stepDeadline())) {
            // An extension or a mediator's new deadline moves the step's deadline, and its reminders, with it.
            moveTo(dispute, reached, dispute.reworkDeadline().orElse(null), now);
        }
    }

    @Override
    public StateMachineContext<Step, Trigger> read(Dispute dispute) {
        DefaultExtendedState extendedState = new DefaultExtendedState();
        extendedState.getVariables().put(EscalationProcedure.DISPUTE, dispute);
        return new DefaultStateMachineContext<>(dispute.step(), null, null, extendedState);
    }

    private void moveTo(Dispute dispute, Step step, Instant deadline, Instant now) {
        List<Instant> reminders = deadline != null ? settings.remindersBetween(now, deadline)
                // A hand-off has no deadline; while unclaimed, the mediators are told again after a while.
                : step == Step.MEDIATION ? List.of(now.plus(settings.reannounceAfter()))
                : List.of();
        dispute.moveTo(step, deadline, reminders);
    }

    private Instant deadlineOf(Dispute dispute, Step step, Instant now) {
        return switch (step) {
            case REWORK -> dispute.reworkDeadline().orElse(now.plus(settings.reworkTime()));
            // A mediator's queue has no deadline (unclaimed hand-offs are announced again); a claim sets one.
            case MEDIATION, CLOSED -> null;
            default -> now.plus(settings.deadlineOf(step));
        };
    }
}
