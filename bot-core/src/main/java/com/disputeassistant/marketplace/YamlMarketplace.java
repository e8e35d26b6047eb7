package com.disputeassistant.marketplace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The marketplace read from a YAML file (format: the README's "The marketplace file"). The file is
 * read and checked once, when this is created, and kept in immutable indexes: the engine asks on
 * every message, so every lookup is a single map access. A faulty file fails creation with a
 * {@link MarketplaceFileException} listing every problem; there is never a half-loaded marketplace.
 */
public final class YamlMarketplace implements Marketplace {

    private final String source;
    private final List<Person> people;
    private final Map<PersonId, Person> peopleById;
    private final Map<ChannelIdentity, Person> peopleByIdentity;
    private final Map<OrderId, Order> ordersById;
    private final Map<PersonId, List<Order>> ordersByPerson;

    private YamlMarketplace(String source, MarketplaceFileChecker.Contents contents) {
        this.source = source;
        this.people = List.copyOf(contents.people());
        this.peopleById = people.stream().collect(Collectors.toUnmodifiableMap(Person::id, person -> person));
        Map<ChannelIdentity, Person> byIdentity = new HashMap<>();
        people.forEach(person -> person.identities().forEach(identity -> byIdentity.put(identity, person)));
        this.peopleByIdentity = Map.copyOf(byIdentity);
        Map<OrderId, Order> byId = new HashMap<>();
        Map<PersonId, List<Order>> byPerson = new HashMap<>();
        for (Order order : contents.orders()) {
            byId.put(order.id(), order);
            byPerson.computeIfAbsent(order.client(), person -> new ArrayList<>()).add(order);
            byPerson.computeIfAbsent(order.expert(), person -> new ArrayList<>()).add(order);
        }
        this.ordersById = Map.copyOf(byId);
        this.ordersByPerson = byPerson.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
    }

    /**
     * Loads and checks the file.
     *
     * @throws MarketplaceFileException if it cannot be read or anything in it is wrong
     */
    public static YamlMarketplace fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return fromStream(in, source);
        } catch (NoSuchFileException e) {
            throw new MarketplaceFileException(source, List.of("there is no such file; check the path"), e);
        } catch (IOException e) {
            throw new MarketplaceFileException(source, List.of("cannot read it: " + e), e);
        }
    }

    /**
     * Loads and checks a marketplace file from a stream (a classpath resource, say). Reads the
     * stream to its end and leaves closing it to the caller.
     *
     * @param sourceName how problems name the file, e.g. {@code classpath:marketplace.yml}
     * @throws MarketplaceFileException if anything in it is wrong
     */
    public static YamlMarketplace fromStream(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        MarketplaceFile file = MarketplaceFile.read(in, sourceName);
        return new YamlMarketplace(sourceName, MarketplaceFileChecker.check(file, sourceName));
    }

    @Override
    public Optional<Order> order(OrderId id) {
        return Optional.ofNullable(ordersById.get(id));
    }

    @Override
    public List<Order> ordersOf(PersonId person) {
        return ordersByPerson.getOrDefault(person, List.of());
    }

    @Override
    public Optional<Person> person(PersonId id) {
        return Optional.ofNullable(peopleById.get(id));
    }

    @Override
    public Optional<Person> personByIdentity(ChannelIdentity identity) {
        return Optional.ofNullable(peopleByIdentity.get(identity));
    }

    @Override
    public List<Person> people() {
        return people;
    }

    /** For logs at startup: where the marketplace came from and how big it is. */
    @Override
    public String toString() {
        return "YamlMarketplace[" + source + ": " + people.size() + " people, " + ordersById.size() + " orders]";
    }
}
