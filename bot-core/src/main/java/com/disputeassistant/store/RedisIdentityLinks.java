package com.disputeassistant.store;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.PersonId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Linked identities in Redis, so every instance knows a link as soon as it is made. Keys under the
 * prefix {@code P}: {@code P link:CHANNEL:ID} (the identity's person) and {@code P person:PERSON:links}
 * (a sorted set of the person's linked identities, scored by when they were linked).
 *
 * <p>Links are kept until replaced: a person's account on a chat platform does not expire.
 */
public final class RedisIdentityLinks implements IdentityLinks {
    /*
     * One script, so an identity moving from one person to another never appears linked to both: the
     * former person's set loses it in the same step as the new one gains it. The former person's key
     * is only known inside the script, which a single Redis or Sentinel allows and Redis Cluster does
     * not (see RedisDisputeStore on Cluster).
     */
    private static final String LINK = """
            local previous = redis.call('GET', KEYS[1])
            if previous and previous ~= ARGV[2] then
              redis.call('ZREM', ARGV[4] .. previous .. ':links', ARGV[1])
            end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            return 1
            """;

    private final UnifiedJedis redis;
    private final String prefix;
    private final Clock clock;

    public RedisIdentityLinks(UnifiedJedis redis, String keyPrefix, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<PersonId> personOf(ChannelIdentity identity) {
        return Optional.ofNullable(redis.get(linkKey(identity))).map(PersonId::new);
    }

    @Override
    public List<ChannelIdentity> linkedTo(PersonId person) {
        return redis.zrevrange(linksKey(person), 0, -1).stream().flatMap(text -> ChannelIdentity.parse(text).stream()).toList();
    }

    @Override
    public void link(ChannelIdentity identity, PersonId person) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(person, "person");
        redis.eval(LINK, List.of(linkKey(identity), linksKey(person)),
                List.of(identity.toString(), person.value(), Long.toString(clock.millis()), prefix + "person:"));
    }

    private String linkKey(ChannelIdentity identity) {
        return prefix + "link:" + identity.channel() + ":" + identity.id();
    }

    private String linksKey(PersonId person) {
        return prefix + "person:" + person.value() + ":links";
    }
}
