package com.disputeassistant.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final byte[] BODY = "token=x&command=%2Fdispute".getBytes(StandardCharsets.UTF_8);
    private final SlackSignature signature = new SlackSignature("8f742231b10e8888abcd99yyyzzz85a5", Clock.fixed(NOW, ZoneOffset.UTC));

    private static String at(long offsetSeconds) {
        return Long.toString(NOW.getEpochSecond() + offsetSeconds);
    }

    @Test
    void signsAsSlackDoesWithV0AndHexHmacSha256() {
        // Slack's documented example: this secret, timestamp and body give this signature.
        SlackSignature documented = new SlackSignature("8f742231b10e8888abcd99yyyzzz85a5",
                Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC));
        byte[] body = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);

        assertThat(documented.sign("1531420618", body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        assertThat(documented.problem("1531420618", documented.sign("1531420618", body), body)).isNull();
    }

    @Test
    void acceptsAFreshCorrectSignature() {
        assertThat(signature.problem(at(-300), signature.sign(at(-300), BODY), BODY)).isNull();
        assertThat(signature.problem(at(300), signature.sign(at(300), BODY), BODY)).isNull();
    }

    @Test
    void refusesAForgedOrTamperedSignature() {
        assertThat(signature.problem(at(0), "v0=" + "0".repeat(64), BODY)).contains("does not match");
        byte[] tampered = "token=x&command=%2Fother".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.problem(at(0), signature.sign(at(0), BODY), tampered)).contains("does not match");
        assertThat(signature.problem(at(0), signature.sign(at(1), BODY), BODY)).contains("does not match");
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesAwayInEitherDirection() {
        assertThat(signature.problem(at(-301), signature.sign(at(-301), BODY), BODY)).contains("5 minutes");
        assertThat(signature.problem(at(301), signature.sign(at(301), BODY), BODY)).contains("5 minutes");
    }

    @Test
    void refusesTimestampsBeyondWhatATimeCanHoldEvenWhenSigned() {
        for (String far : new String[]{"100000000000000000", "-100000000000000000", "9223372036854775807",
                "-9223372036854775808"}) {
            assertThat(signature.problem(far, signature.sign(far, BODY), BODY)).as(far).contains("5 minutes");
        }
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        assertThat(signature.problem(null, signature.sign(at(0), BODY), BODY)).contains("missing");
        assertThat(signature.problem(at(0), null, BODY)).contains("missing");
        assertThat(signature.problem("yesterday", "v0=00", BODY)).contains("not a number");
    }
}
