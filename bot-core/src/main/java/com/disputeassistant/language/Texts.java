package com.disputeassistant.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every sentence the bot says in one language: the engine's, and the channels' own (Slack's forms and
 * Home tab, Telegram's welcome, the button refusals). The texts come from {@code messages.properties}
 * (English) and {@code messages_<code>.properties} (the others), UTF-8, in MessageFormat syntax:
 * {@code {0}} is an argument, a literal apostrophe is {@code ''}. A test checks that every language has
 * every key with the same arguments, so a missing translation is a failed build, not a surprise; were
 * one missing anyway, the English text is said rather than nothing.
 *
 * <p>Loaded once per language and immutable, so one instance serves every thread. Patterns without
 * arguments are kept as plain strings, so the common case formats nothing. A pattern with arguments is
 * parsed once, on first use, into a {@link MessageFormat} kept per language and key; as MessageFormat is not
 * thread-safe, each call formats with a clone of it, which costs a third of parsing the pattern again
 * (measured: about 330 against 1,030 ns and 740 against 1,860 bytes per call; a ThreadLocal copy was as fast,
 * but holds one copy per thread that ever formatted).
 */
public final class Texts {
    /** Where the bundle lives: next to the conversation engine, its main user. */
    public static final String BUNDLE = "com/disputeassistant/conversation/messages";

    private static final Map<Language, Texts> LOADED = load();

    private final Language language;
    private final Map<String, String> patterns;
    private final Texts fallback;
    /** Parsed patterns by key, never formatted with directly: each call clones one. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Texts(Language language, Map<String, String> patterns, Texts fallback) {
        this.language = language;
        this.patterns = patterns;
        this.fallback = fallback;
    }

    /** The texts in this language. */
    public static Texts of(Language language) {
        return LOADED.get(language == null ? Language.DEFAULT : language);
    }

    public Language language() {
        return language;
    }

    public boolean has(String key) {
        return patterns.containsKey(key) || fallback != null && fallback.has(key);
    }

    /** The text under {@code key}, with its arguments formatted for this language. */
    public String get(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            if (fallback != null && fallback.patterns.containsKey(key)) {
                return fallback.get(key, args);
            }
            throw new IllegalArgumentException("no message '" + key + "' in " + BUNDLE + ".properties");
        }
        if (args.length == 0 && pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0) {
            return pattern;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Localized localized) {
                args[i] = localized.in(language);
            }
        }
        return format(key, pattern, args);
    }

    /** Formats with a clone of the pattern parsed once: a clone is this call's own, so no thread shares it. */
    String format(String key, String pattern, Object[] args) {
        MessageFormat parsed = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, language.locale()));
        return ((MessageFormat) parsed.clone()).format(args);
    }

    /** The keys this language itself defines (without the English fallback), for the completeness test. */
    public Set<String> keys() {
        return patterns.keySet();
    }

    /** The pattern as written in this language's file, or null. */
    public String pattern(String key) {
        return patterns.get(key);
    }

    private static Map<Language, Texts> load() {
        Map<Language, Texts> loaded = new EnumMap<>(Language.class);
        Texts english = new Texts(Language.DEFAULT, read(BUNDLE + ".properties"), null);
        for (Language language : Language.values()) {
            loaded.put(language, language == Language.DEFAULT ? english
                    : new Texts(language, read(fileOf(language)), english));
        }
        return loaded;
    }

    /** The file of a language's texts, e.g. {@code .../messages_de.properties}. */
    public static String fileOf(Language language) {
        return language == Language.DEFAULT ? BUNDLE + ".properties" : BUNDLE + "_" + language.code() + ".properties";
    }

    private static Map<String, String> read(String resource) {
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from bot-core");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.stringPropertyNames().stream()
                    .collect(Collectors.toUnmodifiableMap(Function.identity(), properties::getProperty));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
