package com.disputeassistant.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.marketplace.DeliveryStatus;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.PersonId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct path ({@link DirectTransitions}) against the full Spring Statemachine path
 * ({@link Procedure#viaStateMachine}): random command sequences from every actor, mostly triggers the
 * dispute's step accepts (so that they reach deep into the procedure) and some it refuses, with time
 * passing so that deadlines fire. After every command both paths must have answered the same (applied with
 * the same timeline entry, or refused with the same reason) and left field-for-field the same dispute.
 * Seeds are fixed, so a failure names a sequence that can be replayed.
 */
class DirectTransitionsPropertyTest {
    private static final int SEQUENCES = 300;
    private static final int COMMANDS = 60;
    private static final PersonId ALICE = new PersonId("alice");
    private static final PersonId BOB = new PersonId("bob");
    private static final PersonId CAROL = new PersonId("carol");
    private static final List<Actor> ACTORS = List.of(Actor.person("web:alice", ALICE), Actor.person("web:bob", BOB),
            Actor.person("web:carol", CAROL), Actor.mediator("web:maria"), Actor.mediator("web:omar"), Actor.BOT);
    private static final List<Money> AMOUNTS = List.of(Money.of("0", "EUR"), Money.of("300", "EUR"),
            Money.of("480", "EUR"), Money.of("500", "EUR"), Money.of("520", "EUR"), Money.of("1000", "EUR"),
            Money.of("1500", "EUR"), Money.of("50", "USD"));
    private static final List<Duration> PAUSES = List.of(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(20),
            Duration.ofDays(4), Duration.ofDays(15));
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final ProcedureSettings settings = ProcedureSettings.defaults();
    private final Procedure direct = new Procedure(settings);
    private final Procedure machine = Procedure.viaStateMachine(settings);
    private final TransitionTable table = new EscalationProcedure(settings).table();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {15L, 20261129L})
    void theDirectPathAndTheStateMachineAgreeOnEverySequence(long seed) {
        Random random = new Random(seed);
        Set<List<Object>> reached = new HashSet<>();
        int applied = 0;
        int refused = 0;
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            Instant now = T0;
            DeliveryStatus status = pick(random, List.of(DeliveryStatus.values()));
            PersonId opener = random.nextInt(4) == 0 ? BOB : ALICE;
            Dispute fast = direct.open(new DisputeId("P" + sequence), ProcedureTest.order(status), opener, now);
            Dispute full = machine.open(new DisputeId("P" + sequence), ProcedureTest.order(status), opener, now);
            for (int i = 0; i < COMMANDS && !fast.isClosed(); i++) {
                now = now.plus(random.nextInt(4) == 0 ? pick(random, PAUSES) : Duration.ofMinutes(1));
                Command command = randomCommand(random, fast.step());
                String where = "seed " + seed + ", sequence " + sequence + ", command " + i + ": " + command
                        + " in " + fast.step();
                Transition byDirect = direct.apply(fast, command, now);
                Transition byMachine = machine.apply(full, command, now);
                assertThat(byDirect).as(where).isEqualTo(byMachine);
                assertThat(fast).as(where).usingRecursiveComparison().isEqualTo(full);
                if (byDirect.applied()) {
                    applied++;
                    reached.add(List.of(byDirect.from(), byDirect.trigger(), byDirect.to()));
                } else {
                    refused++;
                }
            }
        }
        // The comparison means something only if the sequences went through the procedure, refusals included.
        Set<List<Object>> all = new HashSet<>();
        table.rows().forEach(row -> all.add(List.of(row.source(), row.trigger(), row.target())));
        System.out.printf("seed %d: %d applied, %d refused, %d of %d transitions reached%n", seed, applied, refused,
                reached.size(), all.size());
        assertThat(applied).isGreaterThan(SEQUENCES * 2);
        assertThat(refused).isGreaterThan(SEQUENCES * 2);
        assertThat(reached.size()).as("transitions reached of %s", all.size()).isGreaterThanOrEqualTo(all.size() * 4 / 10);
    }

    /**
     * A trigger the step accepts four times in five, from the actor it names nine times in ten; its fields
     * sensible two times in three (so that the rules let it through), any value otherwise.
     */
    private Command randomCommand(Random random, Step step) {
        List<Trigger> accepted = new ArrayList<>(table.triggersAt(step));
        if (random.nextInt(4) > 0) {
            // Triggers that end or hand off from any step would keep most sequences short.
            accepted.removeAll(List.of(Trigger.WITHDRAW, Trigger.ASK_FOR_HUMAN, Trigger.DEADLINE_PASSED,
                    Trigger.REQUEST_MONEY_BACK));
        }
        Trigger trigger = !accepted.isEmpty() && random.nextInt(5) > 0 ? pick(random, accepted)
                : pick(random, List.of(Trigger.values()));
        Command command = Command.of(trigger, random.nextInt(10) > 0 ? likelyActor(random, trigger) : pick(random, ACTORS));
        boolean sensible = random.nextInt(3) > 0;
        command = command.withText(sensible ? pick(random, List.of("Chapters 4 and 5", "Fix the index"))
                : pick(random, List.of("", "   ", "x")));
        command = command.withNumber(sensible ? 1 + random.nextInt(3) : random.nextInt(40));
        if (sensible || random.nextBoolean()) {
            command = command.withAmount(pick(random, AMOUNTS));
        }
        if (sensible || random.nextBoolean()) {
            command = command.withStep(pick(random, List.of(Step.values())));
        }
        if (sensible || random.nextBoolean()) {
            command = command.withPerson(sensible ? CAROL : pick(random, List.of(ALICE, BOB, CAROL)));
        }
        if (sensible || random.nextBoolean()) {
            command = command.withReason(pick(random, List.of(Reason.values())));
        }
        if (sensible || random.nextBoolean()) {
            command = command.withVerdict(sensible ? pick(random, List.of(TaskVerdict.DONE, TaskVerdict.NOT_DONE))
                    : pick(random, List.of(TaskVerdict.values())));
        }
        return command;
    }

    private static Actor likelyActor(Random random, Trigger trigger) {
        return switch (trigger.who()) {
            case OPENER, PARTY -> ACTORS.get(random.nextInt(2));
            case CLIENT -> ACTORS.get(0);
            case WORKING_EXPERT -> ACTORS.get(1 + random.nextInt(2));
            case MEDIATOR, CLAIMING_MEDIATOR -> ACTORS.get(3 + random.nextInt(4) / 3);
            case BOT -> Actor.BOT;
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
