package com.disputeassistant.telegram.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.marketplace.PersonId;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LinkCodesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofHours(1));

    private final LinkCodes codes = new LinkCodes("shared-with-the-marketplace");

    @Test
    void aMintedCodeNamesItsPersonUntilItExpires() {
        String code = codes.mint(new PersonId("carol"), EXPIRY);

        LinkCodes.Verdict verdict = codes.verify(code, NOW);

        assertThat(verdict).isInstanceOfSatisfying(LinkCodes.Verdict.Valid.class, valid -> {
            assertThat(valid.person()).isEqualTo(new PersonId("carol"));
            assertThat(valid.expiresAt()).isEqualTo(EXPIRY);
            assertThat(valid.codeId()).hasSize(32);
        });
        assertThat(codes.verify(code, EXPIRY)).isInstanceOf(LinkCodes.Verdict.Expired.class);
        assertThat(codes.verify(code, EXPIRY.plusSeconds(3600))).isInstanceOf(LinkCodes.Verdict.Expired.class);
    }

    @Test
    void fitsATelegramStartPayloadForTheLongestPersonId() {
        String code = codes.mint(new PersonId("p".repeat(LinkCodes.MAX_PERSON_ID_BYTES)), EXPIRY);

        assertThat(code).hasSizeLessThanOrEqualTo(64).matches("[A-Za-z0-9_-]+");
        assertThatThrownBy(() -> codes.mint(new PersonId("p".repeat(LinkCodes.MAX_PERSON_ID_BYTES + 1)), EXPIRY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    @Test
    void anyChangedCharacterMakesTheCodeInvalid() {
        String code = codes.mint(new PersonId("carol"), EXPIRY);
        for (int i = 0; i < code.length(); i++) {
            char changed = code.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = code.substring(0, i) + changed + code.substring(i + 1);
            assertThat(codes.verify(tampered, NOW)).as("changed at %d", i).isInstanceOf(LinkCodes.Verdict.Invalid.class);
        }
    }

    @Test
    void aCodeForAnotherPersonOrALaterExpiryCannotBeForgedFromAGoodOne() {
        byte[] raw = Base64.getUrlDecoder().decode(codes.mint(new PersonId("carol"), EXPIRY));
        byte[] other = raw.clone();
        other[other.length - 1] = 'x';   // "carox"
        byte[] later = raw.clone();
        later[16] = (byte) 0x7F;         // a far later expiry, same mac

        assertThat(codes.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(other), NOW))
                .isInstanceOf(LinkCodes.Verdict.Invalid.class);
        assertThat(codes.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(later), NOW))
                .isInstanceOf(LinkCodes.Verdict.Invalid.class);
    }

    @Test
    void aCodeSignedWithAnotherSecretIsInvalid() {
        String foreign = new LinkCodes("another-secret").mint(new PersonId("carol"), EXPIRY);

        assertThat(codes.verify(foreign, NOW)).isInstanceOf(LinkCodes.Verdict.Invalid.class);
    }

    @Test
    void garbageIsInvalidNotAnError() {
        assertThat(codes.verify(null, NOW)).isInstanceOf(LinkCodes.Verdict.Invalid.class);
        assertThat(codes.verify("", NOW)).isInstanceOf(LinkCodes.Verdict.Invalid.class);
        assertThat(codes.verify("not base64 at all!", NOW)).isInstanceOf(LinkCodes.Verdict.Invalid.class);
        assertThat(codes.verify("c2hvcnQ", NOW)).isInstanceOf(LinkCodes.Verdict.Invalid.class);
        assertThat(codes.verify("A".repeat(65), NOW)).isInstanceOf(LinkCodes.Verdict.Invalid.class);
    }
}
