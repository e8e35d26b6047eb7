package com.disputeassistant.marketplace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The marketplace as the bot sees it: the marketplace's own people and orders, with the identities
 * people linked at run time ({@link IdentityLinks}) counted as theirs. A linked identity finds its
 * person, and comes first in {@link Person#identities()}, so the bot reaches a person on the channel
 * they linked, the one they use, until they write from another.
 *
 * <p>An identity the marketplace lists is never looked up in the links: the marketplace is the
 * source of truth, and the people it knows cost no extra read.
 */
public final class LinkedMarketplace implements Marketplace {
    private final Marketplace marketplace;
    private final IdentityLinks links;

    public LinkedMarketplace(Marketplace marketplace, IdentityLinks links) {
        this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public Optional<Order> order(OrderId id) {
        return marketplace.order(id);
    }

    @Override
    public List<Order> ordersOf(PersonId person) {
        return marketplace.ordersOf(person);
    }

    @Override
    public Optional<Person> person(PersonId id) {
        return marketplace.person(id).map(this::withLinks);
    }

    @Override
    public Optional<Person> personByIdentity(ChannelIdentity identity) {
        Optional<Person> listed = marketplace.personByIdentity(identity);
        if (listed.isPresent()) {
            return listed;
        }
        return links.personOf(identity).flatMap(this::person);
    }

    @Override
    public List<Person> people() {
        return marketplace.people();
    }

    private Person withLinks(Person person) {
        // An identity the marketplace lists for someone else stays theirs, whatever was linked.
        List<ChannelIdentity> linked = links.linkedTo(person.id()).stream()
                .filter(identity -> marketplace.personByIdentity(identity).isEmpty())
                .toList();
        if (linked.isEmpty()) {
            return person;
        }
        LinkedHashSet<ChannelIdentity> identities = new LinkedHashSet<>(linked);
        identities.addAll(person.identities());
        return new Person(person.id(), person.name(), person.email(), new ArrayList<>(identities));
    }
}
