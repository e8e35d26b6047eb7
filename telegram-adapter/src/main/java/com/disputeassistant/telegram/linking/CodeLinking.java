package com.disputeassistant.telegram.linking;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Links a chat account to the marketplace account a link code names, once per code.
 *
 * <p>A code is spent by {@code SET NX} on {@code <prefix>telegram:link-code-used:<code id>}, kept until the
 * code expires: of two people who try the same code, exactly one links. The code is spent before the link
 * is written, and given back if writing the link fails, so a failure never leaves a spent code unlinked.
 */
public final class CodeLinking {
    /** Kept a little past the expiry, so that clocks a little apart cannot revive a spent code. */
    private static final Duration USED_MARGIN = Duration.ofMinutes(5);

    private final Optional<LinkCodes> codes;
    private final Marketplace marketplace;
    private final IdentityLinks links;
    private final UnifiedJedis redis;
    private final String keyPrefix;
    private final Clock clock;

    /**
     * @param codes       the code checker, or empty when no secret is shared with the marketplace
     * @param marketplace the marketplace, including runtime links, so an identity taken by anyone is seen
     */
    public CodeLinking(Optional<LinkCodes> codes, Marketplace marketplace, IdentityLinks links, UnifiedJedis redis,
                       String keyPrefix, Clock clock) {
        this.codes = codes;
        this.marketplace = marketplace;
        this.links = links;
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.clock = clock;
    }

    /** Links {@code identity} to the account the code names, if the code is good and unused. */
    public Result redeem(String code, ChannelIdentity identity) {
        if (codes.isEmpty()) {
            return new Result.Refused(Refusal.NOT_SET_UP);
        }
        Instant now = clock.instant();
        LinkCodes.Verdict verdict = codes.get().verify(code, now);
        if (verdict instanceof LinkCodes.Verdict.Expired) {
            return new Result.Refused(Refusal.EXPIRED);
        }
        if (!(verdict instanceof LinkCodes.Verdict.Valid valid)) {
            return new Result.Refused(Refusal.INVALID);
        }
        Optional<Person> person = marketplace.person(valid.person());
        if (person.isEmpty()) {
            return new Result.Refused(Refusal.UNKNOWN_ACCOUNT);
        }
        Optional<Person> current = marketplace.personByIdentity(identity);
        if (current.isPresent()) {
            // Never move an identity between accounts: that would hand one person's disputes to another.
            return current.get().id().equals(person.get().id())
                    ? new Result.AlreadyLinked(person.get())
                    : new Result.Refused(Refusal.LINKED_ELSEWHERE);
        }
        String used = keyPrefix + "telegram:link-code-used:" + valid.codeId();
        long keepMillis = Duration.between(now, valid.expiresAt()).plus(USED_MARGIN).toMillis();
        if (redis.set(used, identity.toString(), SetParams.setParams().nx().px(keepMillis)) == null) {
            return new Result.Refused(Refusal.USED);
        }
        try {
            links.link(identity, person.get().id());
        } catch (RuntimeException e) {
            redis.del(used);
            throw e;
        }
        return new Result.Linked(person.get());
    }

    /** What redeeming a code did. */
    public sealed interface Result {
        /** The identity now belongs to this account. */
        record Linked(Person person) implements Result {
        }

        /** The identity belonged to this account already; the code was not spent. */
        record AlreadyLinked(Person person) implements Result {
        }

        /** Nothing was linked, for this reason. */
        record Refused(Refusal reason) implements Result {
        }
    }

    /** Why a code linked nothing; each has its own explanation for the person. */
    public enum Refusal {
        /** Linking by code is off: no secret is shared with the marketplace. */
        NOT_SET_UP,
        /** Not a code signed by the marketplace: mistyped, cut short or forged. */
        INVALID,
        EXPIRED,
        /** The code was used before, by this or another chat account. */
        USED,
        /** The code names an account the marketplace does not have (any more). */
        UNKNOWN_ACCOUNT,
        /** This chat account already belongs to another marketplace account. */
        LINKED_ELSEWHERE
    }
}
