package com.disputeassistant.marketplace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The marketplace as the bot sees it: the marketplace's own people and orders, with the identities
 * people linked at run time ({@link IdentityLinks}) counted as theirs. A linked identity finds its
 * person, and is where the bot reaches that person ({@link #contactOf}), the channel they use, until
 * they write from another.
 *
 * <p>Only lookups that need the links read them: an identity the marketplace lists, a person's name or
 * orders cost no extra read, so the engine's turns stay at their one load and one commit.
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
        return marketplace.person(id);
    }

    @Override
    public Optional<Person> personByIdentity(ChannelIdentity identity) {
        Optional<Person> listed = marketplace.personByIdentity(identity);
        if (listed.isPresent()) {
            return listed;
        }
        return links.personOf(identity).flatMap(marketplace::person);
    }

    /** The most recently linked identity, else the marketplace's first. */
    @Override
    public Optional<ChannelIdentity> contactOf(PersonId person) {
        // An identity the marketplace lists for someone else stays theirs, whatever was linked.
        return links.linkedTo(person).stream()
                .filter(identity -> marketplace.personByIdentity(identity).isEmpty())
                .findFirst()
                .or(() -> marketplace.contactOf(person));
    }

    /** The most recently linked identity, else the marketplace's preferred or listed identities. */
    @Override
    public List<ChannelIdentity> contactsOf(PersonId person) {
        return links.linkedTo(person).stream()
                .filter(identity -> marketplace.personByIdentity(identity).isEmpty())
                .findFirst()
                .map(List::of)
                .orElseGet(() -> marketplace.contactsOf(person));
    }

    @Override
    public List<Person> people() {
        return marketplace.people();
    }
}
