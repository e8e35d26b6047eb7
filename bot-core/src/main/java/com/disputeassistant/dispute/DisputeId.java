package com.disputeassistant.dispute;

import java.security.SecureRandom;
import java.util.Objects;

/** A dispute, e.g. {@code D7K2M9QX}. Short, so that it fits in a chat button's payload. */
public record DisputeId(String value) {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public DisputeId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("a dispute id is 1-40 letters, digits, '-' or '_'");
        }
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
