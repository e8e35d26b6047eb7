package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.ExtensionAnswer;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import com.disputeassistant.timers.DeadlineTimers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.RedisClient;

/**
 * Deadlines and reminders that happen with nobody writing (issue: nobody has to chase anybody): the
 * timers fire through {@link DeadlineTimers} as in the application, with a clock the tests move.
 */
class DeadlinesAndRemindersIT {
    private static final String REMINDER = "Reminder about dispute";

    private final ConversationFixture fixture = new ConversationFixture();
    private final Chat chat = new Chat(fixture.newEngine());
    private final Chat.Person alice = chat.as("web:alice");
    private final Chat.Person bob = chat.as("web:bob");
    private final Chat.Person carol = chat.as("web:carol");
    private final Chat.Person dana = chat.as("web:dana");
    private final Chat.Person erik = chat.as("web:erik");
    private final Chat.Person maria = chat.as("web:maria");
    private final DeadlineTimers timers = timersOn(fixture.newEngine(), fixture.store);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void nothingAnyoneReadShowsACodeOrAnId() {
        chat.assertNothingLeaks();
    }

    @AfterEach
    void cleanUp() throws Exception {
        timers.close();
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        fixture.close();
    }

    /** Timers deliver through a channel, as in the application: here, into the chat's inboxes. */
    private DeadlineTimers timersOn(ConversationEngine engine, RedisDisputeStore store) {
        return new DeadlineTimers(store, engine, new Delivery(List.of(chat.asChannel(fixture))), fixture.clock,
                Duration.ofMillis(20));
    }

    // ---- every waiting step ----

    /** A step that waits for someone, how to get there, who owes the answer, and what its deadline does. */
    enum WaitingStep {
        INTAKE(Step.CLOSED, "alice"),
        TALKING(Step.TERMS, "bob"),
        TERMS(Step.MEDIATION, "alice", "bob"),
        TASKS(Step.MEDIATION, "alice"),
        TASK_REVIEW(Step.MEDIATION, "bob"),
        EXPERT_CHOICE(Step.MEDIATION, "alice"),
        REPLACEMENT(Step.MEDIATION, "carol"),
        REWORK(Step.STALLED, "bob"),
        STALLED(Step.MEDIATION, "alice"),
        CHECK(Step.MEDIATION, "alice"),
        FEE(Step.MEDIATION, "alice", "bob");

        final Step afterDeadline;
        final List<String> owers;

        WaitingStep(Step afterDeadline, String... owers) {
            this.afterDeadline = afterDeadline;
            this.owers = List.of(owers);
        }
    }

    @ParameterizedTest
    @EnumSource(WaitingStep.class)
    void eachWaitingStepRemindsWhoOwesTheAnswerThenAppliesItsOutcomeWithNobodyWriting(WaitingStep waiting) {
        reach(waiting);
        Dispute at = dispute("alice");
        assertThat(at.step().name()).isEqualTo(waiting.name());
        Instant deadline = at.stepDeadline().orElseThrow();
        Duration stepTime = Duration.between(fixture.clock.instant(), deadline);
        List<Instant> expected = new ArrayList<>(List.of(fixture.clock.instant().plus(stepTime.dividedBy(2))));
        if (stepTime.compareTo(Duration.ofDays(1)) > 0) {
            expected.add(deadline.minus(Duration.ofDays(1)));
        }
        assertThat(at.reminders()).as("default reminders: half the time, one day before").isEqualTo(expected.stream().distinct().sorted().toList());
        Map<String, Integer> before = counts();

        assertThat(timers.fireDue()).as("nothing is due yet").isZero();
        for (Instant reminder : at.reminders()) {
            fixture.clock.advance(Duration.between(fixture.clock.instant(), reminder));
            Map<String, Integer> beforeReminder = counts();
            assertThat(timers.fireDue()).isEqualTo(1);
            for (String person : List.of("alice", "bob", "carol")) {
                int received = counts().get(person) - beforeReminder.get(person);
                if (waiting.owers.contains(person)) {
                    assertThat(received).as("reminders to %s", person).isEqualTo(1);
                    assertThat(chat.as("web:" + person).last()).contains(REMINDER).contains("answer by");
                } else {
                    assertThat(received).as("reminders to %s, who owes nothing", person).isZero();
                }
            }
        }
        assertThat(counts().get("alice") - before.get("alice"))
                .isEqualTo(waiting.owers.contains("alice") ? at.reminders().size() : 0);

        fixture.clock.advance(Duration.between(fixture.clock.instant(), deadline));
        assertThat(timers.fireDue()).isEqualTo(1);

        Dispute after = fixture.store.load(at.id()).orElseThrow().dispute();
        assertThat(after.step()).isEqualTo(waiting.afterDeadline);
        assertThat(fixture.store.timeline(at.id())).last()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("bot"));
        assertThat(alice.last()).as("the client is told").doesNotContain(REMINDER);
        assertThat(timers.fireDue()).as("a deadline fires once").isZero();
    }

    private void reach(WaitingStep waiting) {
        Journeys.reach(Step.valueOf(waiting.name()), alice, bob, maria);
    }

    // ---- the seed's case (C1) ----

    @Test
    void theSeedCaseTwoExtensionsGrantedAThirdAskedEscalatesWithoutTheClientWritingAnything() {
        dana.says("menu").presses("Dispute ORD-2").presses("Not delivered / late");
        dana.says("The editor keeps asking for more time and nothing arrives");
        dana.presses("Escalate").presses("These terms apply");
        erik.presses("These terms apply");
        dana.says("Deliver the edited thesis, all five chapters");
        dana.presses("The list is complete");
        erik.presses("Accept the list");
        dana.presses("Same expert");
        Instant firstDeadline = dispute("dana").stepDeadline().orElseThrow();

        erik.says("I need 2 more days, my laptop broke");
        dana.presses("Grant");
        Dispute extended = dispute("dana");
        assertThat(extended.stepDeadline()).contains(firstDeadline.plus(Duration.ofDays(2)));
        assertThat(extended.reminders()).as("the timers follow the new deadline")
                .allSatisfy(at -> assertThat(at).isAfter(fixture.clock.instant()).isBefore(firstDeadline.plus(Duration.ofDays(2))));

        // Time passes; the expert is reminded, not the client.
        fixture.clock.advance(Duration.between(fixture.clock.instant(), extended.reminders().get(0)));
        int danaBefore = dana.messageCount();
        timers.fireDue();
        erik.received(REMINDER).received("If nothing is redelivered by then");
        assertThat(dana.messageCount()).isEqualTo(danaBefore);

        erik.says("Sorry, 3 more days please, family emergency");
        dana.presses("Grant");
        int danaBeforeThird = dana.messageCount();
        erik.presses("+2 days");

        // The third request: no waiting for the client to chase.
        Dispute stalled = dispute("dana");
        assertThat(stalled.step()).isEqualTo(Step.STALLED);
        assertThat(dana.messageCount()).isGreaterThan(danaBeforeThird);
        dana.received("The rework has stalled").isOffered("Another expert", "Agree on a fair fee", "A mediator");
        maria.received("stalled");
        assertThat(stalled.extensions()).extracting(e -> e.days() + " " + e.answer())
                .containsExactly("2 " + ExtensionAnswer.GRANTED, "3 " + ExtensionAnswer.GRANTED, "2 " + ExtensionAnswer.OVER_CAP);
        assertThat(stalled.extensions().get(1).why()).contains("family emergency");
        assertThat(stalled.extensions()).allSatisfy(e -> assertThat(e.requestedBy()).isEqualTo(new PersonId("erik")));

        // The client still writes nothing: at the step's deadline a mediator takes over.
        fixture.clock.advance(Duration.between(fixture.clock.instant(), stalled.stepDeadline().orElseThrow()));
        timers.fireDue();
        assertThat(dispute("dana").step()).isEqualTo(Step.MEDIATION);
        maria.received("needs a mediator").isOffered("Claim");
        maria.presses("Claim").received("Extensions:")
                .received("Erik asked for 3 more day(s) on 2026-11-23 21:00 UTC (\"Sorry, 3 more days please, family emergency\"): granted by the client")
                .received("Erik asked for 2 more day(s)").received("over the cap of 2 extension(s)");
    }

    @Test
    void aMissedReworkDeadlineStallsTheDisputeAndTellsAMediatorWithNobodyWriting() {
        reach(WaitingStep.REWORK);
        int aliceBefore = alice.messageCount();
        fixture.clock.advance(Duration.ofDays(5));

        timers.fireDue();

        assertThat(dispute("alice").step()).isEqualTo(Step.STALLED);
        assertThat(alice.messageCount()).isEqualTo(aliceBefore + 1);
        alice.received("The rework has stalled").isOffered("Another expert", "Agree on a fair fee", "A mediator");
        bob.received("The rework has stalled");
        maria.received("stalled");
    }

    @Test
    void noReminderReachesAPersonWhoAnsweredAndTheNextStepGetsItsOwn() {
        reach(WaitingStep.TERMS);
        alice.presses("These terms apply");
        fixture.clock.advance(Duration.ofDays(1));
        bob.presses("These terms apply");
        Map<String, Integer> answered = counts();

        // Half of TERMS' time: both have answered, and TASKS' first reminder is later.
        fixture.clock.advance(Duration.ofHours(12));
        assertThat(timers.fireDue()).isZero();
        assertThat(counts()).isEqualTo(answered);

        fixture.clock.advance(Duration.ofHours(24));
        assertThat(timers.fireDue()).isEqualTo(1);
        alice.received(REMINDER).received("What does Bob still need to do");
        assertThat(bob.messageCount()).isEqualTo(answered.get("bob"));

        // The other party's answer in a step both owe: only the one who has not answered is reminded.
        alice.says("Line-edit chapters 4 and 5");
        alice.presses("The list is complete");
        bob.presses("Accept the list");
        alice.presses("Same expert");
        bob.presses("#1 done").presses("Deliver");
        alice.presses("#1 not done");
        bob.presses("#1 done").presses("Deliver");
        alice.presses("#1 not done");
        alice.says("500");
        Map<String, Integer> proposed = counts();
        fixture.clock.advance(Duration.between(fixture.clock.instant(), dispute("alice").reminders().get(0)));
        timers.fireDue();
        bob.received(REMINDER).received("fee");
        assertThat(alice.messageCount()).as("alice proposed already").isEqualTo(proposed.get("alice"));
    }

    // ---- several instances, restarts ----

    @Test
    void twoInstancesRacingForTheSameDueTimersFireEachOnce() throws Exception {
        reach(WaitingStep.TERMS);
        DisputeId first = dispute("alice").id();
        dana.says("menu").presses("Dispute ORD-2").presses("Not delivered / late");
        DisputeId danas = dispute("dana").id();
        Map<String, Integer> before = counts();
        fixture.clock.advance(Duration.ofDays(2));

        RedisClient secondConnection = RedisConnections.connect(RedisTestSupport.redisUrl());
        toClose.add(secondConnection);
        DeadlineTimers secondInstance = timersOn(fixture.newEngine(),
                new RedisDisputeStore(secondConnection, fixture.prefix, fixture.clock));
        toClose.add(secondInstance);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> one = () -> {
                go.await();
                return timers.fireDue();
            };
            Callable<Integer> other = () -> {
                go.await();
                return secondInstance.fireDue();
            };
            Future<Integer> a = threads.submit(one);
            Future<Integer> b = threads.submit(other);
            go.countDown();
            assertThat(a.get() + b.get()).as("timers fired in all").isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }

        Map<String, Integer> after = counts();
        assertThat(after.get("alice") - before.get("alice")).as("alice: one TERMS reminder").isEqualTo(1);
        assertThat(after.get("bob") - before.get("bob")).as("bob: one TERMS reminder").isEqualTo(1);
        assertThat(fixture.store.load(danas).orElseThrow().dispute().step()).as("dana's INTAKE deadline (1 day) passed")
                .isEqualTo(Step.CLOSED);
        assertThat(fixture.store.timeline(danas).stream().filter(e -> e.actor().equals("bot")).count())
                .isEqualTo(1);
        assertThat(dispute("alice").id()).isEqualTo(first);
    }

    @Test
    void timersThatFellDueWhileNoInstanceRanFireOnceAfterTheStart() throws Exception {
        reach(WaitingStep.TASKS);
        Map<String, Integer> before = counts();
        // The application is down for four days: past both reminders and the deadline of TASKS.
        fixture.clock.advance(Duration.ofDays(4));

        DeadlineTimers restarted = timersOn(fixture.newEngine(), fixture.store);
        toClose.add(restarted);
        restarted.start();
        Instant giveUp = Instant.now().plusSeconds(10);
        while (dispute("alice").step() != Step.MEDIATION && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // several more polls: nothing fires twice

        assertThat(dispute("alice").step()).isEqualTo(Step.MEDIATION);
        assertThat(counts().get("alice") - before.get("alice")).as("one message: the hand-off, not stale reminders")
                .isEqualTo(1);
        alice.received("A human mediator will take over");
        assertThat(fixture.store.timeline(dispute("alice").id()).stream().filter(e -> e.actor().equals("bot")).count())
                .isEqualTo(1);
    }

    // ---- helpers ----

    private Dispute dispute(String person) {
        List<DisputeId> open = fixture.store.openDisputesOf(new PersonId(person));
        if (!open.isEmpty()) {
            return fixture.store.load(open.get(0)).orElseThrow().dispute();
        }
        throw new AssertionError(person + " has no open dispute");
    }

    private Map<String, Integer> counts() {
        return List.of("alice", "bob", "carol", "dana", "erik").stream()
                .collect(Collectors.toMap(Function.identity(), p -> chat.as("web:" + p).messageCount()));
    }
}
