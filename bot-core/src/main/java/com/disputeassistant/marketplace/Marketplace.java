package com.disputeassistant.marketplace;

import java.util.List;
import java.util.Optional;

/**
 * Port to the marketplace: the source of truth for people and orders. The bot only reads it. The app
 * keeps it in Redis ({@code store.RedisMarketplace}, written by the marketplace API and loaded from the
 * YAML file); {@link YamlMarketplace} reads the file alone.
 */
public interface Marketplace {

    Optional<Order> order(OrderId id);

    /** Orders in which the person is client or expert, in the marketplace's order. */
    List<Order> ordersOf(PersonId person);

    Optional<Person> person(PersonId id);

    /** The account that is known by this channel identity, if any. */
    Optional<Person> personByIdentity(ChannelIdentity identity);

    /**
     * One identity of the person, for callers that need a single address: by default the first one
     * the marketplace lists. The conversation engine reaches people through {@link #contactsOf} instead.
     */
    default Optional<ChannelIdentity> contactOf(PersonId person) {
        return person(person).flatMap(p -> p.identities().stream().findFirst());
    }

    /**
     * Where to reach a person who has not written to the bot yet: their preferred identity if the
     * marketplace names one, else every identity it lists, so they hear of a dispute wherever they are.
     */
    default List<ChannelIdentity> contactsOf(PersonId person) {
        return person(person).map(Person::contacts).orElse(List.of());
    }

    /** Everyone, for choosing a replacement expert and for the playground's identity picker. */
    List<Person> people();
}
