package com.disputeassistant.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Instants as the stored form writes them, ISO text such as {@code 2026-11-29T21:06:46.962Z}: exactly
 * {@link Instant#toString()} and {@link Instant#parse}, without their {@code DateTimeFormatter}, which in
 * the benchmark's profile allocated a tenth of a turn's bytes (a dispute holds a dozen instants, each read
 * and written on every turn). Years 1970 to 9999 in the form {@code toString} writes take the short way;
 * anything else goes through {@code Instant}, so every text reads as it always did ({@code IsoInstantsTest}).
 */
final class IsoInstants {
    /** 9999-12-31T23:59:59Z, the last second written with a four-digit year. */
    private static final long LAST_SHORT = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstants() {
    }

    /** The same text as {@link Instant#toString()}. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > LAST_SHORT) {
            return instant.toString();
        }
        int nano = instant.getNano();
        // The fraction in groups of three digits, as many as it needs (as DateTimeFormatter.ISO_INSTANT).
        int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (digits == 0 ? 0 : digits + 1)];
        LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int ofDay = (int) (seconds % SECONDS_PER_DAY);
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, ofDay / 3600, 2);
        text[13] = ':';
        put(text, 14, ofDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, ofDay % 60, 2);
        if (digits > 0) {
            text[19] = '.';
            put(text, 20, digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano, digits);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** The same instant as {@link Instant#parse}; throws as it does for a text that is none. */
    static Instant parse(String text) {
        Instant instant = parseShort(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** The instant of a text in the form {@link #format} writes, or null for any other text. */
    static Instant parseShort(String text) {
        int length = text.length();
        if (length != 20 && length != 24 && length != 27 && length != 30
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z' || length > 20 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fraction = length == 20 ? 0 : digits(text, 20, length - 21);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            // Before 1970, a leap second, or not a date at all: Instant.parse decides.
            return null;
        }
        int nano = length == 24 ? fraction * 1_000_000 : length == 27 ? fraction * 1_000 : fraction;
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
    }

    /** The number of {@code count} ASCII digits from {@code from}, or -1 when one is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void put(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
