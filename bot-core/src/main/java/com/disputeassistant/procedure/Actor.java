package com.disputeassistant.procedure;

import com.disputeassistant.marketplace.PersonId;
import java.util.Objects;

/**
 * Who causes a trigger: a marketplace person, an allow-listed mediator, or the bot itself.
 *
 * @param identity the channel identity they acted from ({@code bot} for the bot), recorded in the timeline
 * @param person   the marketplace account; null for mediators and the bot
 */
public record Actor(String identity, PersonId person, boolean mediator) {
    public static final Actor BOT = new Actor("bot", null, false);

    public Actor {
        Objects.requireNonNull(identity, "identity");
    }

    public static Actor person(String identity, PersonId person) {
        return new Actor(identity, Objects.requireNonNull(person, "person"), false);
    }

    public static Actor mediator(String identity) {
        return new Actor(identity, null, true);
    }

    public boolean isBot() {
        return this == BOT || (person == null && !mediator);
    }
}
