package com.disputeassistant.procedure;

import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.PersonId;
import java.util.Objects;

/**
 * One trigger with what it carries. Only the fields its trigger needs are set: a text (a description,
 * a task, terms), a task number, an amount, a number of days, a step, a person, a reason or a verdict.
 */
public record Command(Trigger trigger, Actor actor, String text, int number, Money amount, Step step,
                      PersonId person, Reason reason, TaskVerdict verdict) {
    public Command {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(actor, "actor");
        text = text == null ? "" : text.strip();
    }

    public static Command of(Trigger trigger, Actor actor) {
        return new Command(trigger, actor, "", 0, null, null, null, null, null);
    }

    public Command withText(String value) {
        return new Command(trigger, actor, value, number, amount, step, person, reason, verdict);
    }

    public Command withNumber(int value) {
        return new Command(trigger, actor, text, value, amount, step, person, reason, verdict);
    }

    public Command withAmount(Money value) {
        return new Command(trigger, actor, text, number, value, step, person, reason, verdict);
    }

    public Command withStep(Step value) {
        return new Command(trigger, actor, text, number, amount, value, person, reason, verdict);
    }

    public Command withPerson(PersonId value) {
        return new Command(trigger, actor, text, number, amount, step, value, reason, verdict);
    }

    public Command withReason(Reason value) {
        return new Command(trigger, actor, text, number, amount, step, person, value, verdict);
    }

    public Command withVerdict(TaskVerdict value) {
        return new Command(trigger, actor, text, number, amount, step, person, reason, value);
    }
}
