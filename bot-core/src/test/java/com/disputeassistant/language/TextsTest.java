package com.disputeassistant.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.ExtensionAnswer;
import com.disputeassistant.dispute.HandoffReason;
import com.disputeassistant.dispute.OutcomeType;
import com.disputeassistant.dispute.Reason;
import com.disputeassistant.dispute.StallReason;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.procedure.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every language is complete: the same keys as English, the same arguments in each translation, valid
 * MessageFormat quoting, and a text for every value the code turns into a key ({@code "step." + step}).
 */
class TextsTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** Keys the code writes out whole: {@code text("general.menu")}, {@code get("telegram.welcome", ...)}. */
    private static final Pattern KEY_IN_CODE =
            Pattern.compile("(?:text|get|has|reply)\\(\\s*\"([a-z][A-Za-z_]*(?:[.-][A-Za-z_-]+)+)\"");

    private static final Texts ENGLISH = Texts.of(Language.EN);

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() {
        for (Language language : Language.values()) {
            Set<String> missing = new TreeSet<>(ENGLISH.keys());
            missing.removeAll(Texts.of(language).keys());
            Set<String> extra = new TreeSet<>(Texts.of(language).keys());
            extra.removeAll(ENGLISH.keys());
            assertThat(missing).as("keys of %s missing from %s", Texts.fileOf(Language.EN), Texts.fileOf(language))
                    .isEmpty();
            assertThat(extra).as("keys of %s that %s does not have", Texts.fileOf(language), Texts.fileOf(Language.EN))
                    .isEmpty();
        }
    }

    @Test
    void everyTranslationTakesTheSameArguments() {
        List<String> differ = new ArrayList<>();
        for (Language language : Language.values()) {
            Texts texts = Texts.of(language);
            for (String key : ENGLISH.keys()) {
                String translated = texts.pattern(key);
                if (translated != null && !arguments(translated).equals(arguments(ENGLISH.pattern(key)))) {
                    differ.add(language.code() + " " + key + ": " + arguments(translated) + " but English has "
                            + arguments(ENGLISH.pattern(key)));
                }
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void everyTextIsValidMessageFormatWithApostrophesDoubled() {
        List<String> broken = new ArrayList<>();
        for (Language language : Language.values()) {
            Texts texts = Texts.of(language);
            for (String key : texts.keys()) {
                String pattern = texts.pattern(key);
                try {
                    new MessageFormat(pattern, language.locale());
                } catch (IllegalArgumentException e) {
                    broken.add(language.code() + " " + key + ": " + e.getMessage());
                }
                if (pattern.replace("''", "").indexOf('\'') >= 0) {
                    broken.add(language.code() + " " + key + ": a single ' (write '' for an apostrophe)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyValueTheCodeNamesHasATextInEveryLanguage() {
        List<String> keys = new ArrayList<>();
        add(keys, "step.", Step.values());
        add(keys, "reminder.outcome.", Step.values());
        add(keys, "handoff.", HandoffReason.values());
        add(keys, "outcome.", OutcomeType.values());
        add(keys, "reason.", Reason.values());
        add(keys, "option.CHOOSE_REASON.", Reason.values());
        add(keys, "stall.", StallReason.values());
        add(keys, "check.", TaskVerdict.values());
        add(keys, "scope.", TaskScope.values());
        add(keys, "ledger.answer.", ExtensionAnswer.values());
        add(keys, "button.", (Object[]) new String[] {"UNKNOWN", "NOT_YOURS", "SPENT"});
        Arrays.stream(Language.values()).forEach(l -> keys.add("language.name." + l.code()));
        assertHaveTexts(keys);
    }

    /**
     * A trigger is what someone does: each has a button label, or is announced to the others, or is
     * acknowledged to whoever did it (a deadline passing, a task typed in), in every language; and each
     * trigger the prompts offer as a button ({@code trigger(d, Trigger.X, ...)}) has its label.
     */
    @Test
    void everyTriggerHasATextAndEveryOfferedOneALabel() {
        List<String> silent = new ArrayList<>();
        for (Trigger trigger : Trigger.values()) {
            boolean said = ENGLISH.keys().stream().anyMatch(key -> key.equals("option." + trigger)
                    || key.startsWith("option." + trigger + ".") || key.equals("notice." + trigger)
                    || key.equals("ack." + trigger));
            if (!said) {
                silent.add(trigger.name());
            }
        }
        assertThat(silent).as("triggers with neither a label, a notice nor an acknowledgement").isEmpty();
        Matcher offered = Pattern.compile("trigger\\(d, Trigger\\.(\\w+)").matcher(source("conversation/Prompts.java"));
        List<String> labels = new ArrayList<>();
        while (offered.find()) {
            labels.add("option." + offered.group(1));
        }
        assertThat(labels).isNotEmpty();
        assertHaveTexts(labels);
    }

    /** Every key the code writes out whole, in bot-core and in the adapters, exists. */
    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        List<String> used = new ArrayList<>();
        for (String module : List.of("bot-core", "slack-adapter", "telegram-adapter", "web-adapter")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                // The staff console's keys are in its own bundle (web-adapter, console*.properties), checked there.
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.toString().contains("web" + java.io.File.separator + "console")).toList()) {
                    Matcher key = KEY_IN_CODE.matcher(Files.readString(file));
                    while (key.find()) {
                        if (!key.group(1).endsWith(".")) {
                            used.add(key.group(1));
                        }
                    }
                }
            }
        }
        assertThat(used).as("keys found in the code").contains("general.menu", "option.menu");
        assertHaveTexts(used.stream().filter(key -> !key.startsWith("dispute.")).distinct().toList());
    }

    @Test
    void argumentsAreFormattedForTheLanguage() {
        Localized amount = language -> language == Language.DE ? "450,00 EUR" : "450.00 EUR";
        assertThat(Texts.of(Language.DE).get("option.ACCEPT_SUGGESTED_FEE", amount)).isEqualTo("450,00 EUR annehmen");
        assertThat(Texts.of(Language.EN).get("option.ACCEPT_SUGGESTED_FEE", amount)).isEqualTo("Accept 450.00 EUR");
        assertThat(Texts.of(Language.DE).get("duration.days", 2L)).isEqualTo("2 Tage");
        assertThat(Texts.of(Language.EN).get("duration.hours", 1L)).isEqualTo("1 hour");
    }

    private static void add(List<String> keys, String prefix, Object[] values) {
        Arrays.stream(values).forEach(value -> keys.add(prefix + value));
    }

    private static void assertHaveTexts(List<String> keys) {
        for (Language language : Language.values()) {
            Set<String> own = Texts.of(language).keys();
            assertThat(keys.stream().filter(key -> !own.contains(key)).toList())
                    .as("keys without a text in %s", Texts.fileOf(language)).isEmpty();
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String source(String path) {
        try {
            return Files.readString(Path.of("src/main/java/com/disputeassistant", path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
