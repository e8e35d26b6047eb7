package com.disputeassistant.telegram.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {
    private static final Pattern TAG_OR_ENTITY = Pattern.compile("<(/?)(\\w+)[^>]*>|&(\\w+|#\\d+);");

    @Test
    void escapesTheThreeCharactersHtmlParseModeReads() {
        assertThat(TelegramHtml.escape("<b>bold</b> & </a> \"quoted\" 'single'"))
                .isEqualTo("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;/a&gt; \"quoted\" 'single'");
    }

    @Test
    void aShortMessageIsOnePartUnchanged() {
        assertThat(TelegramHtml.split("Hello &amp; welcome", 4096)).containsExactly("Hello &amp; welcome");
    }

    @Test
    void tenThousandCharactersOfLinesSplitAtLineEndsEachWithinTheLimit() {
        StringBuilder text = new StringBuilder();
        int line = 0;
        while (text.length() < 10_000) {
            text.append("Line ").append(++line).append(": the expert still has to deliver chapter ").append(line).append('\n');
        }
        List<String> parts = TelegramHtml.split(text.toString(), 4096);

        assertThat(parts).hasSizeGreaterThanOrEqualTo(3).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(parts.subList(0, parts.size() - 1)).allSatisfy(part -> assertThat(part).endsWith("\n"));
        assertThat(String.join("", parts)).isEqualTo(text.toString());
    }

    @Test
    void withoutLineBreaksItSplitsBetweenWords() {
        String text = "word ".repeat(2_000);

        List<String> parts = TelegramHtml.split(text, 4096);

        assertThat(parts).hasSize(3).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(4096);
            assertThat(part).startsWith("word");
        });
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void neverBreaksAnEntityOrASurrogatePairEvenWithoutSpaces() {
        // Escaped ampersands and emoji (two chars each), no space or line anywhere: only a hard cut helps.
        String text = TelegramHtml.escape("&😀<".repeat(1_500));

        List<String> parts = TelegramHtml.split(text, 4096);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(4096);
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertWellFormed(part);
        });
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void aTagOpenAtABreakIsClosedAndOpenedAgainSoEveryPartIsWellFormed() {
        String html = "<b>" + "bold words ".repeat(600) + "</b> and <i>after</i>";

        List<String> parts = TelegramHtml.split(html, 4096);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith("<b>").endsWith("</b>");
        assertThat(parts.get(1)).startsWith("<b>").endsWith("<i>after</i>");
        parts.forEach(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(4096);
            assertWellFormed(part);
        });
    }

    @Test
    void nestedTagsAreReopenedOutermostFirst() {
        String html = "<b><i>" + "x ".repeat(30) + "</i></b>";

        List<String> parts = TelegramHtml.split(html, 40);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part).startsWith("<b><i>").endsWith("</i></b>");
            assertThat(part.length()).isLessThanOrEqualTo(40);
        });
    }

    @Test
    void prefersALineEndOverAWordEndUnlessItLeavesAShortPart() {
        String early = "short line\n" + "word ".repeat(20);
        String late = "word ".repeat(12) + "\n" + "word ".repeat(10);

        assertThat(TelegramHtml.split(early, 60).get(0)).doesNotEndWith("\n").endsWith(" ");
        assertThat(TelegramHtml.split(late, 100).get(0)).endsWith("\n");
    }

    @Test
    void partsWithNothingToShowAreLeftOut() {
        assertThat(TelegramHtml.split("   \n  ", 4096)).isEmpty();
    }

    private static void assertWellFormed(String part) {
        Deque<String> open = new ArrayDeque<>();
        Matcher matcher = TAG_OR_ENTITY.matcher(part);
        int end = 0;
        while (matcher.find()) {
            assertThat(part.substring(end, matcher.start())).as("text between tags in %s", part).doesNotContain("<", ">", "&");
            if (matcher.group(2) != null) {
                if (matcher.group(1).isEmpty()) {
                    open.push(matcher.group(2));
                } else {
                    assertThat(open.pop()).isEqualTo(matcher.group(2));
                }
            }
            end = matcher.end();
        }
        assertThat(part.substring(end)).doesNotContain("<", ">", "&");
        assertThat(open).as("tags left open").isEmpty();
    }
}
