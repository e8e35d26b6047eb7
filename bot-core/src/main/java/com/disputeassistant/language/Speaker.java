package com.disputeassistant.language;

import java.util.Objects;

/**
 * Whose language preference this is: a marketplace person (whichever channel they write on) or, for
 * mediators, who are staff and not marketplace accounts, their channel identity.
 *
 * @param key {@code person:<person id>} or {@code identity:<channel>:<id>}
 */
public record Speaker(String key) {
    public Speaker {
        Objects.requireNonNull(key, "key");
    }

    public static Speaker person(String personId) {
        return new Speaker("person:" + personId);
    }

    public static Speaker identity(String channelIdentity) {
        return new Speaker("identity:" + channelIdentity);
    }
}
