package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.ExtendedState;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.state.State;
import org.springframework.statemachine.transition.Transition;

/**
 * What a guard or action of the procedure sees when {@link DirectTransitions} runs it: the same headers
 * ({@link EscalationProcedure#COMMAND}, {@link EscalationProcedure#BRANCH}) and extended-state variables
 * ({@link EscalationProcedure#DISPUTE}, {@link EscalationProcedure#NOW}) the machine would give it, held in
 * fields instead of a message and a concurrent map. There is no running machine behind it, so
 * {@link #getStateMachine()} is null; the message is only built if somebody asks for it.
 */
final class TurnContext implements StateContext<Step, Trigger>, ExtendedState {
    private final Transition<Step, Trigger> transition;
    private final Dispute dispute;
    private final Command command;
    private final Branch branch;
    private final Instant now;
    private Map<Object, Object> variables;

    TurnContext(Transition<Step, Trigger> transition, Dispute dispute, Command command, Branch branch, Instant now) {
        this.transition = transition;
        this.dispute = dispute;
        this.command = command;
        this.branch = branch;
        this.now = now;
    }

    @Override
    public Stage getStage() {
        return Stage.TRANSITION;
    }

    @Override
    public Message<Trigger> getMessage() {
        return MessageBuilder.withPayload(command.trigger())
                .setHeader(EscalationProcedure.COMMAND, command)
                .setHeader(EscalationProcedure.BRANCH, branch)
                .build();
    }

    @Override
    public Trigger getEvent() {
        return command.trigger();
    }

    @Override
    public MessageHeaders getMessageHeaders() {
        return getMessage().getHeaders();
    }

    @Override
    public Object getMessageHeader(Object header) {
        if (EscalationProcedure.COMMAND.equals(header)) {
            return command;
        }
        return EscalationProcedure.BRANCH.equals(header) ? branch : null;
    }

    @Override
    public ExtendedState getExtendedState() {
        return this;
    }

    @Override
    public Transition<Step, Trigger> getTransition() {
        return transition;
    }

    @Override
    public StateMachine<Step, Trigger> getStateMachine() {
        return null;
    }

    @Override
    public State<Step, Trigger> getSource() {
        return transition.getSource();
    }

    @Override
    public Collection<State<Step, Trigger>> getSources() {
        return List.of(getSource());
    }

    @Override
    public State<Step, Trigger> getTarget() {
        return transition.getTarget();
    }

    @Override
    public Collection<State<Step, Trigger>> getTargets() {
        return List.of(getTarget());
    }

    @Override
    public Exception getException() {
        return null;
    }

    // ---- the extended state: the dispute and the time, plus whatever an action writes ----

    @Override
    public Map<Object, Object> getVariables() {
        if (variables == null) {
            variables = new HashMap<>(4);
            variables.put(EscalationProcedure.DISPUTE, dispute);
            variables.put(EscalationProcedure.NOW, now);
        }
        return variables;
    }

    @Override
    public <T> T get(Object key, Class<T> type) {
        Object value = variables != null ? variables.get(key)
                : EscalationProcedure.DISPUTE.equals(key) ? dispute
                : EscalationProcedure.NOW.equals(key) ? now : null;
        return value == null ? null : type.cast(value);
    }

    @Override
    public void setExtendedStateChangeListener(ExtendedStateChangeListener listener) {
        // Nothing listens on a turn's context: the dispute itself records what changed.
    }
}
