package com.disputeassistant.conversation;

import com.disputeassistant.dispute.Step;

/**
 * The way to each step of a dispute about order ORD-1 (client Alice, expert Bob), by pressing the
 * buttons and writing what a person would, for tests that start at a given step.
 */
final class Journeys {

    private Journeys() {
    }

    /** Leaves the dispute at {@code step}; for REPLACEMENT, mediator Maria assigned Carol. */
    static void reach(Step step, Chat.Person alice, Chat.Person bob, Chat.Person maria) {
        alice.says("menu").presses("Dispute ORD-1").presses("Delivered, not acceptable");
        if (step == Step.INTAKE) {
            return;
        }
        alice.says("Chapters 4 and 5 were not edited at all");
        if (step == Step.TALKING) {
            alice.presses("We solved it");
            return;
        }
        alice.presses("Escalate");
        if (step == Step.TERMS) {
            return;
        }
        alice.presses("These terms apply");
        bob.presses("These terms apply");
        if (step == Step.TASKS) {
            return;
        }
        alice.says("Line-edit chapters 4 and 5");
        alice.presses("The list is complete");
        if (step == Step.TASK_REVIEW) {
            return;
        }
        bob.presses("Accept the list");
        if (step == Step.EXPERT_CHOICE) {
            return;
        }
        if (step == Step.REPLACEMENT) {
            alice.presses("Another expert");
            maria.presses("Claim");
            maria.presses("Assign Carol");
            return;
        }
        alice.presses("Same expert");
        if (step == Step.REWORK) {
            return;
        }
        if (step == Step.STALLED) {
            bob.presses("+2 days");
            alice.presses("Grant");
            bob.presses("+2 days");
            alice.presses("Grant");
            bob.presses("+2 days");
            return;
        }
        bob.presses("#1 done").presses("Deliver");
        if (step == Step.CHECK) {
            return;
        }
        alice.presses("#1 not done");
        bob.presses("#1 done").presses("Deliver");
        alice.presses("#1 not done");
        // FEE: the second check failed, so the parties agree on a fee
    }
}
