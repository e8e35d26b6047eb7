package com.disputeassistant.slack.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code v0=} + hex HMAC-SHA256(signing secret, {@code v0:<timestamp>:<raw body>}).
 *
 * <p>Checked here rather than by Bolt because Bolt accepts timestamps from the future and compares
 * signatures with {@code String.equals}: this check rejects a timestamp more than five minutes away
 * from now in either direction (a replayed request) and compares in constant time.
 */
public final class SlackSignature {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final String VERSION = "v0";

    private final byte[] secret;
    private final Clock clock;

    public SlackSignature(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("a signing secret is needed to verify Slack requests");
        }
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why a request is refused, or null when it verifies. */
    String problem(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return "missing X-Slack-Request-Timestamp or X-Slack-Signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "X-Slack-Request-Timestamp is not a number of seconds";
        }
        // Compared as numbers: any long is a valid header, while Instant holds only a part of that range.
        long now = clock.instant().getEpochSecond();
        if (seconds < now - MAX_SKEW.toSeconds() || seconds > now + MAX_SKEW.toSeconds()) {
            return "the request timestamp is more than 5 minutes away from now";
        }
        byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : "the signature does not match";
    }

    /** The signature header value Slack would send for this timestamp and body. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every JDK has HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
