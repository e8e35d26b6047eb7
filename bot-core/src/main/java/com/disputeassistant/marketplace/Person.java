package com.disputeassistant.marketplace;

import com.disputeassistant.language.Language;
import java.util.List;
import java.util.Objects;

/**
 * A marketplace account and the channel identities it is known by. Until the person writes to the bot,
 * the bot reaches them on every one of these identities, or only on {@code preferred} if the marketplace
 * names one; after that, where they last wrote from.
 *
 * @param preferred one of {@code identities}, or null for none
 * @param language  the language the marketplace knows the person speaks, or null: it comes before any
 *                  channel's hint, and the person's own {@code /language} choice comes before it
 */
public record Person(PersonId id, String name, String email, List<ChannelIdentity> identities,
                     ChannelIdentity preferred, Language language) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        email = email == null ? "" : email;
        identities = List.copyOf(identities);
        if (preferred != null && !identities.contains(preferred)) {
            throw new IllegalArgumentException("the preferred identity " + preferred + " of " + id.value()
                    + " must be one of their identities");
        }
    }

    /** A person without a preferred identity, whose language the marketplace does not say. */
    public Person(PersonId id, String name, String email, List<ChannelIdentity> identities) {
        this(id, name, email, identities, null, null);
    }

    /** A person whose language the marketplace does not say. */
    public Person(PersonId id, String name, String email, List<ChannelIdentity> identities,
                  ChannelIdentity preferred) {
        this(id, name, email, identities, preferred, null);
    }

    /** Where to reach the person before they have written to the bot: the preferred identity, else all of them. */
    public List<ChannelIdentity> contacts() {
        return preferred != null ? List.of(preferred) : identities;
    }
}
