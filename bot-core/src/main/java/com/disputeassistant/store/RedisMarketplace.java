package com.disputeassistant.store;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's people and orders in Redis, beside the disputes, so that every instance sees a
 * change at once. The marketplace API writes them; the YAML file is loaded into the same keys as the
 * default ({@link #seed}).
 *
 * <p>Keys, under the prefix {@code P}: {@code P market:person:{ID}} (hash of {@code version},
 * {@code identities}, {@code json}), {@code P market:identity:CHANNEL:ID} (the person an identity
 * belongs to), {@code P market:people} (ids by when they were created), {@code P market:order:{ID}}
 * (hash of {@code version}, {@code client}, {@code expert}, {@code json}, {@code seq}),
 * {@code P market:orders}, {@code P market:person:{ID}:orders} (a person's orders, as client or expert),
 * {@code P market:seq} and {@code P market:seeded} (the fingerprint of the file last loaded).
 *
 * <p>Every write is one Lua script, so it applies entirely or not at all, and checks what it depends on
 * (an identity's owner, that client and expert exist, an open dispute) in the same step. Writes build the
 * keys they learn only from stored data (a person's previous identities, an order's previous parties and
 * open dispute) inside the script, so concurrent writers never make each other retry; a delete, which is
 * rare, is told what the caller read, refuses if that changed meanwhile, and is called again.
 *
 * <p>A dispute keeps the copy of its order it was opened with: changing the order changes no open
 * dispute's terms; the dispute's timeline records that the order changed.
 */
public final class RedisMarketplace implements Marketplace {
    private static final Logger log = LoggerFactory.getLogger(RedisMarketplace.class);
    private static final Scripts PUT_PERSON = Scripts.read("put-person.lua");
    private static final Scripts PUT_ORDER = Scripts.read("put-order.lua");
    /*
     * The identity's person, read in one step. The person's key is built in the script from the id found: it
     * cannot be declared in advance, which only Redis Cluster would mind.
     */
    private static final Scripts PERSON_BY_IDENTITY = Scripts.read("person-by-identity.lua");
    private static final Scripts DELETE = Scripts.read("delete-marketplace-entry.lua");
    private static final int MAX_CALLS = 5;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisMarketplace(UnifiedJedis redis, String keyPrefix, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new RedisKeys(keyPrefix);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A stored person or order with its version (for ETag and If-Match). */
    public record Versioned<T>(T value, long version) {
    }

    // ---- reads ----

    @Override
    public Optional<Order> order(OrderId id) {
        return storedOrder(id).map(Versioned::value);
    }

    public Optional<Versioned<Order>> storedOrder(OrderId id) {
        return stored(keys.marketOrder(id.value()), Order.class);
    }

    @Override
    public List<Order> ordersOf(PersonId person) {
        return readAll(redis.zrange(keys.marketOrdersOf(person.value()), 0, -1).stream().map(keys::marketOrder).toList(),
                Order.class);
    }

    @Override
    public Optional<Person> person(PersonId id) {
        return storedPerson(id).map(Versioned::value);
    }

    public Optional<Versioned<Person>> storedPerson(PersonId id) {
        return stored(keys.marketPerson(id.value()), Person.class);
    }

    private <T> Optional<Versioned<T>> stored(String hashKey, Class<T> type) {
        List<String> fields = redis.hmget(hashKey, "json", "version");
        return fields.get(0) == null ? Optional.empty()
                : Optional.of(new Versioned<>(DisputeJson.read(fields.get(0), type), Long.parseLong(fields.get(1))));
    }

    /** The engine asks this on every message: one round trip, not two. */
    @Override
    public Optional<Person> personByIdentity(ChannelIdentity identity) {
        List<?> reply = PERSON_BY_IDENTITY.run(redis, List.of(keys.marketIdentity(identity)),
                List.of(keyBefore(keys.marketPerson("")), "}"));
        return reply.isEmpty() ? Optional.empty() : Optional.of(DisputeJson.read((String) reply.get(0), Person.class));
    }

    @Override
    public List<Person> people() {
        return readAll(redis.zrange(keys.marketPeople(), 0, -1).stream().map(keys::marketPerson).toList(), Person.class);
    }

    /** How many people and orders are stored. */
    public long[] size() {
        return new long[] {redis.zcard(keys.marketPeople()), redis.zcard(keys.marketOrders())};
    }

    // ---- writes ----

    /** Creates or replaces the person; {@code expectedVersion} null for any version, 0 for "must not exist". */
    public MarketplaceWrite putPerson(Person person, Long expectedVersion) {
        String json = DisputeJson.writeValue(person);
        String identities = JSON.writeValueAsString(person.identities().stream().map(ChannelIdentity::toString).toList());
        List<String> scriptKeys = new ArrayList<>(List.of(keys.marketPerson(person.id().value()), keys.marketPeople(),
                keys.marketSequence()));
        person.identities().forEach(identity -> scriptKeys.add(keys.marketIdentity(identity)));
        String identityPrefix = keys.marketIdentity(new ChannelIdentity("x", "x"));
        List<?> reply = PUT_PERSON.run(redis, scriptKeys, List.of(person.id().value(), json, identities,
                expectedVersion == null ? "" : expectedVersion.toString(),
                identityPrefix.substring(0, identityPrefix.length() - "x:x".length())));
        switch ((String) reply.get(0)) {
            case "written":
                return new MarketplaceWrite.Written((Long) reply.get(1), (Long) reply.get(2) == 1, Optional.empty());
            case "unchanged":
                return new MarketplaceWrite.Unchanged((Long) reply.get(1));
            case "conflict":
                return new MarketplaceWrite.VersionConflict((Long) reply.get(1));
            case "identity_taken":
                int index = ((Long) reply.get(1)).intValue();
                return new MarketplaceWrite.IdentityTaken(index, person.identities().get(index),
                        new PersonId((String) reply.get(2)));
            default:
                throw new IllegalStateException("put-person.lua replied " + reply);
        }
    }

    /**
     * Creates or replaces the order. If it has an open dispute, that dispute keeps its terms and its
     * timeline records the change, with {@code actor} as who made it.
     */
    public MarketplaceWrite putOrder(Order order, Long expectedVersion, String actor) {
        String id = order.id().value();
        String why = "the marketplace changed order " + id + "; this dispute keeps the terms it was opened with";
        List<String> scriptKeys = List.of(keys.marketOrder(id), keys.marketOrders(), keys.marketSequence(),
                keys.marketPerson(order.client().value()), keys.marketPerson(order.expert().value()),
                keys.marketOrdersOf(order.client().value()), keys.marketOrdersOf(order.expert().value()),
                keys.order(order.id()));
        List<?> reply = PUT_ORDER.run(redis, scriptKeys, List.of(id, DisputeJson.writeValue(order), order.client().value(),
                order.expert().value(), expectedVersion == null ? "" : expectedVersion.toString(),
                clock.instant().toString(), actor, why, keyBefore(keys.marketPerson("")), keyBefore(keys.dispute(""))));
        switch ((String) reply.get(0)) {
            case "written":
                String noted = (String) reply.get(3);
                return new MarketplaceWrite.Written((Long) reply.get(1), (Long) reply.get(2) == 1,
                        noted.isEmpty() ? Optional.empty() : Optional.of(new DisputeId(noted)));
            case "unchanged":
                return new MarketplaceWrite.Unchanged((Long) reply.get(1));
            case "conflict":
                return new MarketplaceWrite.VersionConflict((Long) reply.get(1));
            case "unknown_person":
                String field = (String) reply.get(1);
                return new MarketplaceWrite.UnknownPerson(field, "client".equals(field) ? order.client() : order.expert());
            default:
                throw new IllegalStateException("put-order.lua replied " + reply);
        }
    }

    /** A key built with an empty id, cut before its closing brace: the part that precedes an id. */
    private static String keyBefore(String keyWithEmptyId) {
        return keyWithEmptyId.substring(0, keyWithEmptyId.lastIndexOf('}'));
    }

    /** Deletes the person unless an open dispute or an order needs them. */
    public MarketplaceWrite deletePerson(PersonId person) {
        String id = person.value();
        for (int call = 0; call < MAX_CALLS; call++) {
            String stored = redis.hget(keys.marketPerson(id), "identities");
            if (stored == null) {
                return new MarketplaceWrite.NotFound();
            }
            List<String> scriptKeys = new ArrayList<>(List.of(keys.marketPerson(id), keys.marketPeople(),
                    keys.openDisputes(person), keys.marketOrdersOf(id), keys.marketOrdersOf(id), keys.marketPerson(id)));
            for (String identity : JSON.readValue(stored, String[].class)) {
                scriptKeys.add(keys.marketIdentity(ChannelIdentity.of(identity)));
            }
            MarketplaceWrite result = deleted(DELETE.run(redis, scriptKeys, List.of("person", id, stored, "")));
            if (result != null) {
                return result;
            }
        }
        throw new IllegalStateException("person " + id + " kept changing; not deleted after " + MAX_CALLS + " calls");
    }

    /** Deletes the order unless an open dispute is about it. */
    public MarketplaceWrite deleteOrder(OrderId order) {
        String id = order.value();
        for (int call = 0; call < MAX_CALLS; call++) {
            List<String> stored = redis.hmget(keys.marketOrder(id), "client", "expert");
            if (stored.get(0) == null) {
                return new MarketplaceWrite.NotFound();
            }
            String holder = Objects.requireNonNullElse(redis.get(keys.order(order)), "");
            List<String> scriptKeys = List.of(keys.marketOrder(id), keys.marketOrders(), keys.order(order),
                    keys.marketOrdersOf(stored.get(0)), keys.marketOrdersOf(stored.get(1)), keys.dispute(holder));
            MarketplaceWrite result = deleted(DELETE.run(redis, scriptKeys,
                    List.of("order", id, stored.get(0) + " " + stored.get(1), holder)));
            if (result != null) {
                return result;
            }
        }
        throw new IllegalStateException("order " + id + " kept changing; not deleted after " + MAX_CALLS + " calls");
    }

    /** The script's answer, or null to read again and call again. */
    private static MarketplaceWrite deleted(List<?> reply) {
        return switch ((String) reply.get(0)) {
            case "deleted" -> new MarketplaceWrite.Deleted();
            case "absent" -> new MarketplaceWrite.NotFound();
            case "disputed" -> new MarketplaceWrite.NeededByDispute(new DisputeId((String) reply.get(1)));
            case "has_orders" -> new MarketplaceWrite.NeededByOrder((String) reply.get(1));
            case "changed" -> null;
            default -> throw new IllegalStateException("delete-marketplace-entry.lua replied " + reply);
        };
    }

    // ---- the file as default ----

    /**
     * Loads the people and orders of a marketplace (the YAML file) into Redis, unless this very file
     * (same {@code fingerprint}) was loaded before: so the file is the default, loaded once, and what the
     * API wrote since stays as it is. A changed file is loaded again, replacing its own people and
     * orders, never touching others. Returns the problems (an identity another person now has), if any.
     */
    public List<String> seed(Marketplace source, String fingerprint) {
        if (fingerprint.equals(redis.get(keys.marketSeeded()))) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Person person : source.people()) {
            if (putPerson(person, null) instanceof MarketplaceWrite.IdentityTaken taken) {
                problems.add("person " + person.id() + ": identity " + taken.identity() + " belongs to " + taken.owner());
            }
        }
        source.people().stream().flatMap(person -> source.ordersOf(person.id()).stream()).distinct().forEach(order -> {
            MarketplaceWrite result = putOrder(order, null, "marketplace file");
            if (result instanceof MarketplaceWrite.UnknownPerson unknown) {
                problems.add("order " + order.id() + ": " + unknown.field() + " " + unknown.person() + " is not stored");
            }
        });
        redis.set(keys.marketSeeded(), fingerprint);
        problems.forEach(problem -> log.warn("Marketplace file not loaded in part: {}", problem));
        return problems;
    }

    private <T> List<T> readAll(List<String> hashKeys, Class<T> type) {
        if (hashKeys.isEmpty()) {
            return List.of();
        }
        List<T> values = new ArrayList<>(hashKeys.size());
        try (var pipeline = redis.pipelined()) {
            var replies = hashKeys.stream().map(key -> pipeline.hget(key, "json")).toList();
            pipeline.sync();
            for (var reply : replies) {
                String json = reply.get();
                // Deleted between the two reads: left out.
                if (json != null) {
                    values.add(DisputeJson.read(json, type));
                }
            }
        }
        return values;
    }
}
