package com.disputeassistant.web;

import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.regex.Pattern;

/** Reads the {@code as} of a request: who the caller acts as, always a {@code web:} identity. */
final class WebIdentity {
    /**
     * Bounded because it becomes part of Redis keys; no spaces, line or paragraph separators, control or
     * format characters, because nobody's id has them and they would garble logs and pages.
     */
    private static final Pattern WEB_IDENTITY = Pattern.compile(WebChannel.NAME + ":[^\\s\\p{C}\\p{Z}]{1,100}");

    private WebIdentity() {
    }

    static ChannelIdentity parse(String as) {
        if (as == null || as.isBlank()) {
            throw new BadRequest("Say who you are: send \"as\" with a web identity like \"web:alice\" "
                    + "(GET /api/people lists them).");
        }
        if (!WEB_IDENTITY.matcher(as).matches()) {
            throw new BadRequest("\"as\" must be a web identity like \"web:alice\": \"web:\" and an id of "
                    + "1-100 characters without spaces or control characters (GET /api/people lists them).");
        }
        return ChannelIdentity.of(as);
    }
}
