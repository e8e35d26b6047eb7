package com.disputeassistant.marketplace;

import java.util.List;
import java.util.Objects;

/**
 * A marketplace account and the channel identities it is known by. The first identity is where the
 * bot reaches the person until they write to it from another channel.
 */
public record Person(PersonId id, String name, String email, List<ChannelIdentity> identities) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        email = email == null ? "" : email;
        identities = List.copyOf(identities);
    }
}
