package com.disputeassistant.marketplace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A marketplace kept in Redis, read through a short-lived cache. The engine asks for names, people and
 * orders many times a turn (every name in every message, and a mediator's replacement candidates read
 * every person and their orders), and every message passes through the engine: without this, each of
 * those would be a round trip to Redis on the hot path.
 *
 * <p>What this instance writes ({@link #forget} after every write of the marketplace API) is seen at once;
 * what another instance writes is seen within {@code ttl}. Each kind of lookup keeps at most
 * {@link #MAX_ENTRIES} answers, and starts afresh when it has more, so a huge marketplace cannot fill the heap.
 */
public final class CachedMarketplace implements Marketplace {
    /** Answers kept per kind of lookup; far above the people and orders of the disputes in flight. */
    static final int MAX_ENTRIES = 10_000;

    private final Marketplace stored;
    private final Duration ttl;
    private final Clock clock;
    private final Cache<OrderId, Optional<Order>> orders = new Cache<>();
    private final Cache<PersonId, List<Order>> ordersOf = new Cache<>();
    private final Cache<PersonId, Optional<Person>> people = new Cache<>();
    private final Cache<ChannelIdentity, Optional<Person>> byIdentity = new Cache<>();
    private final Cache<Boolean, List<Person>> everyone = new Cache<>();

    public CachedMarketplace(Marketplace stored, Duration ttl, Clock clock) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("a cache time-to-live is 0 or more, not " + ttl);
        }
    }

    @Override
    public Optional<Order> order(OrderId id) {
        return orders.get(id, stored::order);
    }

    @Override
    public List<Order> ordersOf(PersonId person) {
        return ordersOf.get(person, stored::ordersOf);
    }

    @Override
    public Optional<Person> person(PersonId id) {
        return people.get(id, stored::person);
    }

    @Override
    public Optional<Person> personByIdentity(ChannelIdentity identity) {
        return byIdentity.get(identity, stored::personByIdentity);
    }

    @Override
    public List<Person> people() {
        return everyone.get(Boolean.TRUE, all -> stored.people());
    }

    /** Drops every answer: the marketplace was just written on this instance. */
    public void forget() {
        orders.clear();
        ordersOf.clear();
        people.clear();
        byIdentity.clear();
        everyone.clear();
    }

    /** One kind of lookup's answers, each with the moment it goes stale. */
    private final class Cache<K, V> {
        private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

        V get(K key, Function<K, V> load) {
            Instant now = clock.instant();
            Entry<V> cached = entries.get(key);
            if (cached != null && now.isBefore(cached.staleAt())) {
                return cached.value();
            }
            V value = load.apply(key);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now.plus(ttl)));
            return value;
        }

        void clear() {
            entries.clear();
        }
    }

    private record Entry<V>(V value, Instant staleAt) {
    }
}
