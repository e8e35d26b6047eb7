package com.disputeassistant.bench;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.procedure.Actor;
import com.disputeassistant.procedure.Command;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.procedure.Transition;
import com.disputeassistant.procedure.Trigger;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer row: Spring Statemachine's documented persister recipe, the speed reference. Every message
 * borrows a pooled machine, restores it from the context stored in Redis under the dispute's key (one
 * GET), sends the event, persists the reached context back (one SET) and returns the machine to the pool.
 * Spring Statemachine's own Redis persister ({@code RedisStateMachinePersister}) does not run on Boot 4, so
 * this is the closest reproduction with the project's own procedure: {@link Procedure#viaStateMachine} is
 * the pooled-machine restore, send and persist of the project's machine configuration (its guards, actions
 * and rules), and the context in Redis is the machine's state and extended state (the dispute) as JSON
 * written by a general-purpose object mapper, as the recipe's serializer does.
 *
 * <p>It runs the procedure's events of {@link DisputeScript} ({@link #SCRIPT}: the lines that move the
 * dispute; the menu, the relayed talk and the task list's display have no event), so its "message" is one
 * event. It is not correct for production: GET then SET with nothing in between checking the version, so
 * two people answering at once both restore the same context and the later SET silently undoes the
 * earlier's transition (a lost update); no delivery ids, no indexes, no timeline or transcript, no timers.
 */
final class PersisterRecipe implements Work {
    /** A general-purpose mapper over the dispute's fields, as the recipe's context serializer. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                    .withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
            .build();

    /** One event of the script: who sends it, given the lane's order, and with what. */
    record Event(String label, Function<Order, Command> command) {
    }

    /** The events of {@link DisputeScript#SETTLED_AT_A_FAIR_FEE} in order; the first opens the dispute. */
    static final List<Event> SCRIPT = List.of(
            new Event("open", order -> null),
            event("reason", o -> Command.of(Trigger.CHOOSE_REASON, clientOf(o)).withReason(Reason.NOT_ACCEPTABLE)),
            event("describe", o -> Command.of(Trigger.DESCRIBE, clientOf(o))
                    .withText("Chapters 4 and 5 were not edited at all; the tracked changes stop at page 61.")),
            event("escalate", o -> Command.of(Trigger.ESCALATE, clientOf(o))),
            event("client confirms terms", o -> Command.of(Trigger.CONFIRM_TERMS, clientOf(o))),
            event("expert confirms terms", o -> Command.of(Trigger.CONFIRM_TERMS, expertOf(o))),
            event("task", o -> Command.of(Trigger.ADD_TASK, clientOf(o))
                    .withText("Line-edit chapters 4 and 5 with tracked changes")),
            event("list complete", o -> Command.of(Trigger.CONFIRM_TASKS, clientOf(o))),
            event("expert accepts list", o -> Command.of(Trigger.ACCEPT_TASKS, expertOf(o))),
            event("same expert", o -> Command.of(Trigger.CHOOSE_SAME_EXPERT, clientOf(o))),
            event("#1 done", o -> Command.of(Trigger.MARK_TASK_DONE, expertOf(o)).withNumber(1)),
            event("deliver", o -> Command.of(Trigger.REDELIVER, expertOf(o))),
            event("#1 not done", o -> Command.of(Trigger.CHECK_TASK, clientOf(o)).withNumber(1)
                    .withVerdict(TaskVerdict.NOT_DONE)),
            event("#1 done again", o -> Command.of(Trigger.MARK_TASK_DONE, expertOf(o)).withNumber(1)),
            event("deliver again", o -> Command.of(Trigger.REDELIVER, expertOf(o))),
            event("#1 not done again", o -> Command.of(Trigger.CHECK_TASK, clientOf(o)).withNumber(1)
                    .withVerdict(TaskVerdict.NOT_DONE)),
            event("client proposes 600", o -> Command.of(Trigger.PROPOSE_FEE, clientOf(o))
                    .withAmount(Money.of("600", "EUR"))),
            event("expert proposes 680", o -> Command.of(Trigger.PROPOSE_FEE, expertOf(o))
                    .withAmount(Money.of("680", "EUR"))),
            event("client accepts 640", o -> Command.of(Trigger.ACCEPT_SUGGESTED_FEE, clientOf(o))),
            event("expert accepts 640", o -> Command.of(Trigger.ACCEPT_SUGGESTED_FEE, expertOf(o))));

    private final UnifiedJedis redis;
    private final String prefix;
    private final SyntheticMarketplace marketplace;
    private final Procedure procedure;
    private final Clock clock;
    /** Each lane's next event; a lane is used by one thread at a time, handed over through the driver's queue. */
    private final int[] positions;

    PersisterRecipe(UnifiedJedis redis, String prefix, SyntheticMarketplace marketplace, int lanes, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.marketplace = marketplace;
        this.procedure = Procedure.viaStateMachine(ProcedureSettings.defaults());
        this.clock = clock;
        this.positions = new int[lanes];
    }

    private static Event event(String label, Function<Order, Command> command) {
        return new Event(label, command);
    }

    private static Actor clientOf(Order order) {
        return Actor.person(SyntheticMarketplace.client(number(order)).toString(), order.client());
    }

    private static Actor expertOf(Order order) {
        return Actor.person(SyntheticMarketplace.expert(number(order)).toString(), order.expert());
    }

    private static int number(Order order) {
        return Integer.parseInt(order.id().value().substring("ORD-".length()));
    }

    /** The key of the lane's stored context. */
    String key(int lane) {
        return prefix + "peer:{" + lane + "}";
    }

    @Override
    public void send(Lane lane) {
        int position = positions[lane.number];
        Order order = marketplace.orderNumber(lane.number);
        String stored = redis.get(key(lane.number));
        Dispute dispute;
        if (position == 0) {
            dispute = procedure.open(DisputeId.random(), order, order.client(), clock.instant());
        } else {
            dispute = read(stored);
            Transition transition = procedure.apply(dispute, SCRIPT.get(position).command().apply(order),
                    clock.instant());
            if (!transition.applied()) {
                throw new IllegalStateException("peer, lane " + lane.number + ": " + SCRIPT.get(position).label()
                        + " refused in " + transition.from() + ": " + transition.refusal());
            }
        }
        redis.set(key(lane.number), write(dispute));
        positions[lane.number] = (position + 1) % SCRIPT.size();
    }

    static String write(Dispute dispute) {
        return MAPPER.writeValueAsString(dispute);
    }

    static Dispute read(String json) {
        if (json == null) {
            throw new IllegalStateException("the peer's context is gone");
        }
        return MAPPER.readValue(json, Dispute.class);
    }
}
