package com.disputeassistant.telegram.linking;

import com.disputeassistant.marketplace.PersonId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed link codes: proof from the marketplace that whoever holds the code may link a chat account to
 * one marketplace account, until a moment. Sent as a deep link, {@code https://t.me/<bot>?start=<code>},
 * so a code is at most 64 characters of {@code A-Z a-z 0-9 _ -}, what Telegram allows in a start payload.
 *
 * <p>A code is base64url without padding of {@code mac(16) | expiry(4) | person id (UTF-8)}: expiry is
 * the epoch second as an unsigned big-endian int, and mac is the first 16 bytes of HMAC-SHA256 with the
 * shared secret over {@code "dispute-assistant link" | expiry(4) | person id}. The marketplace mints
 * codes the same way; person ids up to {@value #MAX_PERSON_ID_BYTES} bytes fit. A code says nothing
 * about being used: {@link CodeLinking} makes each one usable once.
 */
public final class LinkCodes {
    /** 64 base64 characters carry 48 bytes, less the mac and the expiry. */
    public static final int MAX_PERSON_ID_BYTES = 28;
    private static final int MAC_BYTES = 16;
    private static final int EXPIRY_BYTES = 4;
    private static final byte[] CONTEXT = "dispute-assistant link".getBytes(StandardCharsets.UTF_8);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** @param secret the secret shared with the marketplace ({@code TELEGRAM_LINK_SECRET}) */
    public LinkCodes(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a link code secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A code that links a chat account to this person until {@code expiresAt}. */
    public String mint(PersonId person, Instant expiresAt) {
        byte[] id = person.value().getBytes(StandardCharsets.UTF_8);
        if (id.length > MAX_PERSON_ID_BYTES) {
            throw new IllegalArgumentException("person id '" + person + "' is longer than " + MAX_PERSON_ID_BYTES
                    + " bytes and does not fit in a link code");
        }
        long epochSecond = expiresAt.getEpochSecond();
        if (epochSecond < 0 || epochSecond > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a link code cannot expire at " + expiresAt);
        }
        byte[] expiry = ByteBuffer.allocate(EXPIRY_BYTES).putInt((int) epochSecond).array();
        ByteBuffer code = ByteBuffer.allocate(MAC_BYTES + EXPIRY_BYTES + id.length)
                .put(mac(expiry, id)).put(expiry).put(id);
        return ENCODER.encodeToString(code.array());
    }

    /** What a code says, checked against the secret and the time. */
    public Verdict verify(String code, Instant now) {
        byte[] raw;
        try {
            raw = code == null || code.length() > 64 ? null : Base64.getUrlDecoder().decode(code);
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        // Only the one spelling mint gives: base64 lets a last character vary in bits no byte uses.
        if (raw == null || raw.length <= MAC_BYTES + EXPIRY_BYTES || !ENCODER.encodeToString(raw).equals(code)) {
            return new Verdict.Invalid();
        }
        byte[] mac = Arrays.copyOfRange(raw, 0, MAC_BYTES);
        byte[] expiry = Arrays.copyOfRange(raw, MAC_BYTES, MAC_BYTES + EXPIRY_BYTES);
        byte[] id = Arrays.copyOfRange(raw, MAC_BYTES + EXPIRY_BYTES, raw.length);
        // Constant time, so that the time taken tells nothing about how much of a forged mac was right.
        if (!MessageDigest.isEqual(mac, mac(expiry, id))) {
            return new Verdict.Invalid();
        }
        Instant expiresAt = Instant.ofEpochSecond(Integer.toUnsignedLong(ByteBuffer.wrap(expiry).getInt()));
        if (!now.isBefore(expiresAt)) {
            return new Verdict.Expired();
        }
        String person = new String(id, StandardCharsets.UTF_8);
        if (person.isBlank()) {
            return new Verdict.Invalid();
        }
        return new Verdict.Valid(new PersonId(person), expiresAt, HexFormat.of().formatHex(mac));
    }

    private byte[] mac(byte[] expiry, byte[] id) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            hmac.update(CONTEXT);
            hmac.update(expiry);
            hmac.update(id);
            return Arrays.copyOf(hmac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What a code is worth. */
    public sealed interface Verdict {
        /**
         * Signed by the marketplace and not expired.
         *
         * @param codeId names this code (its mac) for remembering that it was used
         */
        record Valid(PersonId person, Instant expiresAt, String codeId) implements Verdict {
        }

        /** Signed, but its time is up. */
        record Expired() implements Verdict {
        }

        /** Not a code, or not signed with our secret (mistyped, cut short, or forged). */
        record Invalid() implements Verdict {
        }
    }
}
