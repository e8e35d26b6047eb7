package com.disputeassistant.marketplace;

import com.disputeassistant.language.Language;
import java.util.List;
import java.util.Objects;

/**
 * A marketplace account and the channel identities it is known by. The first identity is where the
 * bot reaches the person until they write to it from another channel.
 *
 * @param language the language the marketplace knows the person speaks, or null: it comes before any
 *                 channel's hint, and the person's own {@code /language} choice comes before it
 */
public record Person(PersonId id, String name, String email, List<ChannelIdentity> identities, Language language) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        email = email == null ? "" : email;
        identities = List.copyOf(identities);
    }

    /** A person whose language the marketplace does not say. */
    public Person(PersonId id, String name, String email, List<ChannelIdentity> identities) {
        this(id, name, email, identities, null);
    }
}
