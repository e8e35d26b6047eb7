package com.disputeassistant.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Texts parses a pattern once per language and key and formats with a clone: the result is what parsing
 * afresh gives, in each language, on every call, and from many threads at once (a date sub-format is the part
 * of MessageFormat that is not safe to share: formatting with one shared instance fails the second test).
 */
class TextsFormatCacheTest {

    @Test
    void formatsLikeAFreshlyParsedPatternInEveryLanguageOnEveryCall() {
        for (Language language : Language.values()) {
            Texts texts = Texts.of(language);
            for (int call = 0; call < 3; call++) {
                assertThat(texts.get("general.order-disputed", "ORD-" + call, "D" + call)).isEqualTo(
                        fresh(texts, "general.order-disputed", "ORD-" + call, "D" + call));
                for (int days : new int[] {1, 2, 1234}) {
                    assertThat(texts.get("duration.days", days)).isEqualTo(fresh(texts, "duration.days", days));
                }
            }
        }
        assertThat(Texts.of(Language.EN).get("duration.days", 1234)).isEqualTo("1,234 days");
    }

    @Test
    void manyThreadsFormattingTheSameKeyEachGetTheirOwnArguments() throws Exception {
        Texts texts = Texts.of(Language.EN);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> wrong = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 1_000_000;
                wrong.add(threads.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 2; i < 50_000; i++) {
                        // A date sub-format: SimpleDateFormat keeps the date being formatted in a shared calendar.
                        Date date = new Date(1_700_000_000_000L + (offset + i) * 61_000L);
                        String formatted = texts.format("test.date", "on {0,date,yyyy-MM-dd HH:mm:ss}", new Object[] {date});
                        if (!formatted.equals("on " + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH).format(date))) {
                            mismatches.add(formatted);
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> mismatches : wrong) {
                assertThat(mismatches.get()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String fresh(Texts texts, String key, Object... args) {
        String pattern = texts.pattern(key) != null ? texts.pattern(key) : Texts.of(Language.DEFAULT).pattern(key);
        return new MessageFormat(pattern, texts.language().locale()).format(args);
    }
}
