package com.disputeassistant.bench;

import java.util.List;

/**
 * The messages of one real dispute from the client's menu to an outcome, in the order the two parties
 * send them: open, reason, description, talking, escalate, terms, tasks, same expert, two rounds of rework
 * and check, and a fair fee both accept. Each line is free text or the press of a button whose label starts
 * with the given text, as a person sees it; the driver presses the option the engine actually offered.
 */
final class DisputeScript {
    /** Who sends a line. */
    enum Side { CLIENT, EXPERT }

    /** One message: {@code text} typed, or the button whose label starts with {@code press}. */
    record Line(Side side, String text, String press) {
        static Line says(Side side, String text) {
            return new Line(side, text, null);
        }

        static Line presses(Side side, String label) {
            return new Line(side, null, label);
        }

        boolean isPress() {
            return press != null;
        }
    }

    /** The dispute, settled at a fair fee: every kind of turn the engine has (create, relay, tasks, fees). */
    static final List<Line> SETTLED_AT_A_FAIR_FEE = List.of(
            Line.says(Side.CLIENT, "menu"),
            Line.presses(Side.CLIENT, "Dispute ORD-"),
            Line.presses(Side.CLIENT, "Delivered, not acceptable"),
            Line.says(Side.CLIENT, "Chapters 4 and 5 were not edited at all; the tracked changes stop at page 61."),
            Line.says(Side.EXPERT, "I did edit them, the changes may be hidden. Could you look again?"),
            Line.says(Side.CLIENT, "I have looked again: chapters 4 and 5 have no tracked changes at all."),
            Line.presses(Side.CLIENT, "Escalate"),
            Line.presses(Side.CLIENT, "These terms apply"),
            Line.presses(Side.EXPERT, "These terms apply"),
            Line.says(Side.CLIENT, "Line-edit chapters 4 and 5 with tracked changes"),
            Line.presses(Side.CLIENT, "The list is complete"),
            Line.presses(Side.EXPERT, "Accept the list"),
            Line.presses(Side.CLIENT, "Same expert"),
            Line.presses(Side.EXPERT, "#1 done"),
            Line.presses(Side.EXPERT, "Deliver"),
            Line.presses(Side.CLIENT, "#1 not done"),
            Line.presses(Side.EXPERT, "#1 done"),
            Line.presses(Side.EXPERT, "Deliver"),
            Line.presses(Side.CLIENT, "#1 not done"),
            Line.says(Side.CLIENT, "600"),
            Line.says(Side.EXPERT, "680"),
            Line.presses(Side.CLIENT, "Accept 640"),
            Line.presses(Side.EXPERT, "Accept 640"));

    private DisputeScript() {
    }
}
