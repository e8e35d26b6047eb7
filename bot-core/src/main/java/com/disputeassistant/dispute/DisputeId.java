package com.disputeassistant.dispute;

import java.security.SecureRandom;
import java.util.Objects;

/** A dispute, e.g. {@code D7K2M9QX}. Short, so that it fits in a chat button's payload. */
public record DisputeId(String value) {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public DisputeId {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("a dispute id is 1-40 letters, digits, '-' or '_'");
        }
    }

    /*
     * [A-Za-z0-9_-]{1,40}, checked by hand: String.matches compiles the pattern on every call, and ids are
     * made on every turn (2.7 % of a turn's allocation in the benchmark's profile).
     */
    private static boolean isWellFormed(String value) {
        if (value.isEmpty() || value.length() > 40) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static DisputeId random() {
        char[] chars = new char[8];
        chars[0] = 'D';
        for (int i = 1; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new DisputeId(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
