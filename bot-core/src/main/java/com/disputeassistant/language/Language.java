package com.disputeassistant.language;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A language the bot speaks: every text has a translation in each (a test checks it). English is what
 * anyone hears whose language is not known. To add a language, add a constant here and a complete
 * {@code messages_<code>.properties} next to {@code messages.properties}.
 */
public enum Language {
    EN("en", Locale.ENGLISH, "yyyy-MM-dd HH:mm 'UTC'"),
    DE("de", Locale.GERMAN, "dd.MM.yyyy HH:mm 'UTC'");

    /** Spoken to anyone whose language is unknown or not one of these. */
    public static final Language DEFAULT = EN;

    private final String code;
    private final Locale locale;
    private final DateTimeFormatter when;

    Language(String code, Locale locale, String whenPattern) {
        this.code = code;
        this.locale = locale;
        // Deadlines are shown in UTC for everyone, so both parties of a dispute read the same time.
        this.when = DateTimeFormatter.ofPattern(whenPattern, locale).withZone(ZoneOffset.UTC);
    }

    /** A moment as people of this language write it: {@code 2026-11-20 09:00 UTC}, {@code 20.11.2026 09:00 UTC}. */
    public String when(Instant instant) {
        return when.format(instant);
    }

    /** The ISO 639-1 code, as written in {@code /language de} and in the marketplace file. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The language a platform's tag names, if the bot speaks it: {@code de}, {@code de-DE} (Slack's user
     * locale), {@code de_AT}, {@code DE} (Telegram's {@code language_code} is an IETF tag such as
     * {@code en} or {@code pt-br}). Empty for null, blank, or a language the bot does not speak.
     */
    public static Optional<Language> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(l -> l.code.equals(language)).findFirst();
    }

    /**
     * The browser's first choice among the languages the bot speaks, from an {@code Accept-Language}
     * header such as {@code de-CH, de;q=0.9, en;q=0.8}; empty when it names none of them or is malformed.
     */
    public static Optional<Language> ofAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> of(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The codes people may write, for messages that list them: {@code en, de}. */
    public static String codes() {
        return Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "));
    }

    public static List<Language> all() {
        return List.of(values());
    }
}
