package com.disputeassistant.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * The console's English and German bundles say the same things: the same keys, the same placeholders, every
 * pattern well formed, and every key the console's code and pages name exists. (bot-core's TextsTest checks
 * the core bundle and leaves the console's keys to this test.)
 */
class ConsoleTextsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");
    private static final Pattern KEY_IN_CODE =
            Pattern.compile("(?:text|getMessage)\\(\\s*\"([a-z][A-Za-z_]*(?:[.-][A-Za-z_-]+)+)\"");
    private static final Pattern KEY_IN_PAGE = Pattern.compile("#\\{([a-z][A-Za-z_]*(?:[.-][A-Za-z_-]+)+)");

    private final Properties english = load("console.properties");
    private final Properties german = load("console_de.properties");

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(german.stringPropertyNames()).isNotEmpty().isEqualTo(english.stringPropertyNames());
    }

    @Test
    void eachKeyHasTheSamePlaceholdersInBothLanguages() {
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(german.getProperty(key, "")))
                    .as("placeholders of %s", key).isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    /**
     * Texts with placeholders go through {@link MessageFormat}, so a lone apostrophe there would hide the rest;
     * texts without are shown as written, so a doubled one there would show twice.
     */
    @Test
    void everyPatternParsesAndShowsAllItsArguments() {
        for (Properties bundle : List.of(english, german)) {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                Set<Integer> indexes = placeholders(pattern);
                if (indexes.isEmpty()) {
                    assertThat(pattern).as(key).doesNotContain("''");
                    continue;
                }
                Object[] args = new Object[indexes.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
                for (int i = 0; i < args.length; i++) {
                    args[i] = "ARG" + i;
                }
                String shown = new MessageFormat(pattern, Locale.ROOT).format(args);
                indexes.forEach(i -> assertThat(shown).as(key).contains("ARG" + i));
                assertThat(shown).as(key).doesNotContain("{");
            }
        }
    }

    @Test
    void theMessageSourceAnswersInTheAskedLanguageAndEnglishOtherwise() {
        MessageSource texts = new ConsoleTexts().messageSource();
        assertThat(texts.getMessage("login.heading", null, Locale.GERMAN)).isEqualTo("Anmelden");
        assertThat(texts.getMessage("login.heading", null, Locale.GERMANY)).isEqualTo("Anmelden");
        assertThat(texts.getMessage("login.heading", null, Locale.ENGLISH)).isEqualTo("Sign in");
        assertThat(texts.getMessage("login.heading", null, Locale.FRENCH)).isEqualTo("Sign in");
        assertThat(texts.getMessage("waited.hours", new Object[]{3L}, Locale.GERMAN)).isEqualTo("3 Std.");
    }

    @Test
    void everyKeyTheConsoleCodeAndPagesNameExists() throws IOException {
        List<String> used = new ArrayList<>();
        collect(Path.of("src/main/java/com/disputeassistant/web/console"), ".java", KEY_IN_CODE, used);
        collect(Path.of("src/main/resources/templates/console"), ".html", KEY_IN_PAGE, used);
        assertThat(used).as("keys found").contains("action.sent", "login.heading");
        MessageSource texts = new ConsoleTexts().messageSource();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            assertThat(used.stream().distinct().filter(key -> !exists(texts, key, locale)).toList())
                    .as("keys missing for %s", locale).isEmpty();
        }
    }

    private static boolean exists(MessageSource texts, String key, Locale locale) {
        try {
            texts.getMessage(key, new Object[]{0, 0, 0}, locale);
            return true;
        } catch (NoSuchMessageException missing) {
            return false;
        }
    }

    private static void collect(Path folder, String suffix, Pattern pattern, List<String> used) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher key = pattern.matcher(Files.readString(file));
                while (key.find()) {
                    used.add(key.group(1));
                }
            }
        }
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        while (placeholder.find()) {
            indexes.add(Integer.parseInt(placeholder.group(1)));
        }
        return indexes;
    }

    private static Properties load(String name) {
        Properties bundle = new Properties();
        try (InputStream in = ConsoleTextsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bundle;
    }
}
