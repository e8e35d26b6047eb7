package com.disputeassistant.procedure;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a concrete, checkable task ("Fix the figure numbering in chapter 3") from a bare expression
 * of dissatisfaction ("I'm not happy", "bad work"), which S2 and S5 say is not enough.
 *
 * <p>English and German (the languages the bot speaks). The test is deliberately simple and explainable: after dropping words that only express
 * (dis)satisfaction or carry no object, at least two content words must remain.
 */
final class TaskWording {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Set<String> EMPTY_WORDS = Set.of(
            // feelings and verdicts
            "happy", "unhappy", "satisfied", "dissatisfied", "unsatisfied", "content", "disappointed",
            "bad", "poor", "terrible", "awful", "horrible", "worse", "worst", "good", "better", "best",
            "great", "ok", "okay", "fine", "wrong", "unacceptable", "acceptable", "unprofessional",
            "professional", "sloppy", "lazy", "useless", "garbage", "rubbish", "crap", "quality",
            "low", "high", "like", "love", "hate", "want", "need", "expect", "expected", "please",
            // vague objects and verbs
            "work", "job", "result", "results", "thing", "things", "stuff", "everything", "anything",
            "something", "all", "whole", "it", "this", "that", "these", "those", "redo", "fix", "improve",
            "make", "do", "done", "again", "change", "properly", "correctly", "right", "more", "less",
            // function words
            "i", "i'm", "im", "me", "my", "we", "our", "you", "your", "is", "isn't", "was", "wasn't", "are",
            "be", "been", "am", "not", "no", "very", "really", "so", "too", "just", "at", "the", "a", "an",
            "and", "or", "but", "with", "of", "to", "it's", "its", "which", "what", "still", "should",
            // the same in German, for people who write to the bot in German
            "zufrieden", "unzufrieden", "enttäuscht", "schlecht", "schlechte", "schlechter", "gut", "gute", "besser",
            "toll", "schrecklich", "furchtbar", "falsch", "unprofessionell", "qualität", "mag", "gefällt",
            "will", "möchte", "brauche", "erwarte", "bitte", "arbeit", "ergebnis", "ergebnisse", "sache", "sachen",
            "alles", "etwas", "das", "dies", "diese", "dieser", "nochmal", "neu", "machen", "mach", "ändern",
            "richtig", "mehr", "weniger", "ich", "mir", "mich", "mein", "meine", "wir", "unser", "sie", "ihr",
            "ist", "war", "bin", "sind", "nicht", "kein", "keine", "sehr", "wirklich", "zu", "nur", "der",
            "die", "den", "dem", "ein", "eine", "und", "oder", "aber", "mit", "von", "es", "noch", "sollte", "damit");

    private TaskWording() {
    }

    static boolean isConcrete(String task) {
        var words = WORD.matcher(task.toLowerCase(Locale.ROOT));
        int contentWords = 0;
        while (words.find()) {
            String word = words.group();
            if (word.length() >= 2 && !EMPTY_WORDS.contains(word)) {
                contentWords++;
            }
        }
        return contentWords >= 2;
    }
}
