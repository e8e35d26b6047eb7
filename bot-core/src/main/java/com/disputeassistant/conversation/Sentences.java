package com.disputeassistant.conversation;

/**
 * Finds the sentences of a text, one after another: what {@code find()} of the pattern
 * {@code [^\n.!?]*[^\s.!?][.!?]+(?=\s|$)\s*} finds, a sentence being text that ends with {@code .}, {@code !}
 * or {@code ?} before a space, a line break or the end (so list lines without a stop are none), with the
 * spaces after it.
 *
 * <p>Written out by hand because the pattern, tried at every position of a line that has no sentence end,
 * scans to the line's end from each one: quadratic in the line's length, and 14 % of a turn's CPU in the
 * benchmark's profile. This scan moves past such a line at once. {@code SentencesTest} holds it to the
 * pattern on random texts.
 */
final class Sentences {
    private final String text;
    private int start = -1;
    private int end;

    Sentences(String text) {
        this.text = text;
    }

    /** Moves to the next sentence; false when there is none. */
    boolean find() {
        int n = text.length();
        int from = end;
        while (from < n) {
            // The first stop (a line break or a sentence end) decides every start before it: a sentence
            // must reach it, so a start before it that fails, fails for all of them.
            int stop = from;
            while (stop < n && !isStop(text.charAt(stop))) {
                stop++;
            }
            if (stop == n) {
                break;
            }
            if (text.charAt(stop) != '\n' && stop > from && !isSpace(text.charAt(stop - 1))) {
                int after = stop;
                while (after < n && isEnd(text.charAt(after))) {
                    after++;
                }
                if (after == n || isSpace(text.charAt(after)) || isFinalLineTerminator(text, after)) {
                    int spaces = after;
                    while (spaces < n && isSpace(text.charAt(spaces))) {
                        spaces++;
                    }
                    start = from;
                    end = spaces;
                    return true;
                }
            }
            from = stop + 1;
        }
        start = -1;
        end = n;
        return false;
    }

    /** Where the sentence found last starts. */
    int start() {
        return start;
    }

    /** Where it ends, its trailing spaces included. */
    int end() {
        return end;
    }

    /** The sentence found last, its trailing spaces included. */
    String group() {
        return text.substring(start, end);
    }

    private static boolean isEnd(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isStop(char c) {
        return c == '\n' || isEnd(c);
    }

    /** The pattern's {@code \s}: {@code [ \t\n\x0B\f\r]}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * The pattern's {@code $} where {@code \s} did not match: before a line terminator that ends the text
     * (the ones that are no {@code \s}; a {@code \r\n} starts with one that is).
     */
    private static boolean isFinalLineTerminator(String text, int at) {
        if (at != text.length() - 1) {
            return false;
        }
        char c = text.charAt(at);
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
