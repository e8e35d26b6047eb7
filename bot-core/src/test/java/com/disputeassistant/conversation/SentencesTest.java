package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written sentence scan finds exactly what the pattern it replaced found. */
class SentencesTest {
    /** The pattern Turn used before, the reference. */
    private static final Pattern SENTENCE = Pattern.compile("[^\\n.!?]*[^\\s.!?][.!?]+(?=\\s|$)\\s*");
    /** Letters, every kind of space and stop, the line terminators that are no {@code \s}, a surrogate pair. */
    private static final String[] PIECES = {"a", "B", "ü", " ", "  ", "\t", "\n", "\r", "\r\n", "\u000B", "\f",
            ".", "!", "?", "...", "\u0085", "\u2028", "\u2029", "\uD83D\uDE00", "Bob delivered again", "#1", "1."};

    @Test
    void findsWhatThePatternFindsInRandomTexts() {
        Random random = new Random(20261129);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(16);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertThat(scanned(text.toString())).as("sentences of %s", quoted(text.toString()))
                    .isEqualTo(matched(text.toString()));
        }
    }

    @Test
    void findsTheSentencesOfAPrompt() {
        String prompt = "Bob delivered again. Please check the list:\n1. chapter four\n2. chapter five\n\nIs it done? Yes!";
        assertThat(scanned(prompt)).isEqualTo(matched(prompt))
                .containsExactly("0-21:Bob delivered again. ", "44-47:1. ", "60-63:2. ", "77-89:Is it done? ", "89-93:Yes!");
    }

    private static List<String> matched(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = SENTENCE.matcher(text);
        while (matcher.find()) {
            found.add(matcher.start() + "-" + matcher.end() + ":" + matcher.group());
        }
        return found;
    }

    private static List<String> scanned(String text) {
        List<String> found = new ArrayList<>();
        Sentences sentences = new Sentences(text);
        while (sentences.find()) {
            found.add(sentences.start() + "-" + sentences.end() + ":" + sentences.group());
        }
        return found;
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
