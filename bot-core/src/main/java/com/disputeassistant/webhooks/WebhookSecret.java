package com.disputeassistant.webhooks;

import java.util.Base64;
import java.util.Objects;

/**
 * An endpoint's signing secret as the Standard Webhooks specification writes it: {@code whsec_} and the
 * key in base64 (24 to 64 bytes). Only the decoded key signs; {@link #toString()} never shows it.
 */
public final class WebhookSecret {
    static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Reads {@code whsec_<base64>}.
     *
     * @throws IllegalArgumentException saying what is wrong (never repeating the secret)
     */
    public static WebhookSecret parse(String written) {
        if (written == null || !written.strip().startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with whsec_ followed by base64; make one with: "
                    + "echo \"whsec_$(openssl rand -base64 32)\"");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(written.strip().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the part of the webhook secret after whsec_ is not base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook secret holds " + MIN_BYTES + " to " + MAX_BYTES
                    + " bytes after whsec_, not " + key.length + "; make one with: echo \"whsec_$(openssl rand -base64 32)\"");
        }
        return new WebhookSecret(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && java.security.MessageDigest.isEqual(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key.length);
    }

    @Override
    public String toString() {
        return "whsec_***";
    }
}
