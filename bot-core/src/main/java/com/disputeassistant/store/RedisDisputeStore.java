package com.disputeassistant.store;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Outcome;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.language.Language;
import com.disputeassistant.language.Preference;
import com.disputeassistant.language.Speaker;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.ReplyWrite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Keeps disputes in Redis and applies every {@link Change} with one Lua script ({@code commit.lua}), so
 * a change is applied entirely or not at all, and only at the version it names.
 *
 * <p>Keys, all under the configured prefix {@code P}:
 * <ul>
 *   <li>{@code P dispute:{ID}}: hash of {@code version}, {@code step}, {@code updatedAt}, {@code parties}
 *       (whose indexes list it, so a party who leaves is dropped) and the dispute in its {@link StoredForm},
 *       in pieces {@code p1..pN} ({@code n} of them) small enough for Redis to keep the hash as a listpack
 *       (see {@code stored-form.lua}); a dispute stored before had it whole, in {@code json}, and still loads;
 *   <li>{@code P dispute:{ID}:timeline}: list of transitions, oldest first;
 *   <li>{@code P dispute:{ID}:transcript}: list of transcript lines, oldest first, capped to the newest
 *       {@value #TRANSCRIPT_CAP};
 *   <li>{@code P order:ORDER:dispute}: the order's open dispute (one per order);
 *   <li>{@code P person:PERSON:disputes}: sorted set of a party's open disputes, scored by when they opened;
 *   <li>{@code P focus:CHANNEL:ID}: the dispute an identity last acted on, kept for 30 days;
 *   <li>{@code P person:PERSON:reach}: the address a person last wrote to the bot from (any dispute), where
 *       the bot reaches them; written by the commit of the turn they caused, or by {@link #rememberAddress};
 *   <li>{@code P inbound:DELIVERY-ID}: a platform message that was applied (by the commit it caused, which
 *       it names, or as handled without a change), kept {@link #INBOUND_TTL} so a redelivery is recognised;
 *   <li>{@code P timers}: sorted set of open disputes by when the bot must next look at them by itself
 *       (the next reminder or the step's deadline), kept by every commit;
 *   <li>{@code P mediators:queue}: sorted set of the disputes handed to a mediator and not claimed, by
 *       when they were handed off, kept by every commit;
 *   <li>{@code P disputes:closed}: sorted set of closed disputes by when they closed (the outcome's time),
 *       added by the commit that closes one, for the supervisors' reports ({@link #closedSince});
 *   <li>{@code P languages}: hash of people's languages: field {@code <speaker>} their own choice,
 *       {@code <speaker>|hint} the latest a channel told (see {@link Speaker}); one hash, so a turn reads
 *       everyone it may address with one {@code HMGET};
 *   <li>{@code P payments:outcomes}: stream of closed outcomes that carry money, one entry per dispute,
 *       with an idempotency key, for the payments system (the bot itself moves no money);
 *   <li>the outbox stream of the {@link CommitEvents} (the outcome webhooks), which gets each change's
 *       events in the same step;
 *   <li>wherever a turn's replies wait to be sent ({@link ReplyWrite}: the channels' outbox streams, the web
 *       inboxes), written by the commit of the turn, or, for a message that changed nothing, by {@link
 *       #queueReplies} together with its {@code inbound} marker.
 * </ul>
 *
 * <p>A dispute's own keys share the hash tag {@code {ID}}. The cross-dispute keys (order, person indexes,
 * focus, payments stream) are written by the same script, which is atomic on a single Redis or a Sentinel
 * deployment. On Redis Cluster they live in other slots: the script would have to write only the
 * dispute's keys plus an outbox, and a relay would apply the outbox to the other keys (future work).
 *
 * <p>A commit is one round trip; two when the script must first learn a key it cannot know in advance
 * (a party who left the dispute, or the holder of an order whose dispute may be gone). Every read is one
 * round trip: a turn's start ({@link #startTurn}) checks the message's delivery id, finds the dispute in the
 * sender's focus and reads it, where its parties last wrote from and the languages of everyone the turn may
 * address in one script; so a message costs two round trips, that read and the commit.
 */
public final class RedisDisputeStore implements DisputeStore {
    static final int TRANSCRIPT_CAP = 5_000;
    /** The suffix of a speaker's field that holds a channel's hint rather than their own choice. */
    private static final String HINT = "|hint";
    static final Duration FOCUS_TTL = Duration.ofDays(30);
    /**
     * How long an inbound message's delivery id is remembered: longer than any platform redelivers
     * (Telegram keeps unconfirmed updates 24 hours, Slack retries within minutes).
     */
    static final Duration INBOUND_TTL = Duration.ofDays(7);
    /**
     * A commit needs two calls at most (one to learn a former party or an order's holder, one to apply);
     * the third lets an order that changed hands in between be reported as disputed.
     */
    private static final int MAX_SCRIPT_CALLS = 3;

    private static final Scripts COMMIT_SCRIPT = Scripts.read("replies.lua", "stored-form.lua", "commit.lua");
    private static final Scripts QUEUE_REPLIES = Scripts.read("replies.lua", "queue-replies.lua");
    /*
     * Claims by moving the score to the end of the lease: the claimer's commit then sets the real next
     * time, and a claimer that dies leaves the timer to fire again when the lease ends.
     */
    private static final String CLAIM_TIMERS = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, id in ipairs(due) do
              redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
            end
            return due
            """;
    private static final Scripts LOAD = Scripts.read("stored-form.lua", "load.lua");
    /** Each declared dispute's stored form, or '' for one that is gone, in one round trip. */
    private static final Scripts DISPUTE_FORMS = Scripts.read("stored-form.lua").then("""
            local reply = {}
            for _, key in ipairs(KEYS) do
              table.insert(reply, readStored(key) or '')
            end
            return reply
            """);
    /*
     * Each dispute's step, and for a claimed one in mediation its JSON (to read its deadline): one round
     * trip per batch of disputes. Replies step, json-or-'' pairs; a dispute gone in between gives '', ''.
     */
    private static final Scripts STEPS = Scripts.read("stored-form.lua").then("""
            local reply = {}
            for _, key in ipairs(KEYS) do
              local step = redis.call('HGET', key, 'step') or ''
              local json = ''
              if step == 'MEDIATION' then
                json = readStored(key) or ''
              end
              table.insert(reply, step)
              table.insert(reply, json)
            end
            return reply
            """);
    private static final int COUNT_BATCH = 500;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final CommitEvents events;
    private final String eventsKey;

    public RedisDisputeStore(UnifiedJedis redis, String keyPrefix, Clock clock) {
        this(redis, keyPrefix, clock, CommitEvents.NONE);
    }

    /** A store whose commits also queue the {@code events} of each change, in the same atomic step. */
    public RedisDisputeStore(UnifiedJedis redis, String keyPrefix, Clock clock, CommitEvents events) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new RedisKeys(keyPrefix);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.eventsKey = Outbox.queueKey(keyPrefix, events.channel());
    }

    @Override
    public Optional<StoredDispute> load(DisputeId id) {
        return loadForTurn(id, List.of()).map(LoadedDispute::stored);
    }

    /** One round trip ({@code load.lua}): the dispute, its parties' last addresses and its people's languages. */
    @Override
    public Optional<LoadedDispute> loadForTurn(DisputeId id, Collection<Speaker> others) {
        return startTurn(null, requireId(id), null, null, others).loaded();
    }

    /**
     * One round trip ({@code load.lua}): the delivery id's marker, the sender's focus or only open dispute
     * when no dispute is named, and the dispute with its parties' last addresses and its people's languages.
     */
    @Override
    public TurnStart startTurn(String deliveryId, DisputeId named, ChannelIdentity sender, PersonId person,
                               Collection<Speaker> others) {
        List<String> disputeAround = keys.disputeAround();
        List<String> args = new ArrayList<>(5 + others.size());
        args.add(keys.lastAddressPrefix());
        args.add(RedisKeys.LAST_ADDRESS_SUFFIX);
        args.add(HINT);
        args.addAll(disputeAround);
        others.forEach(speaker -> args.add(speaker.key()));
        List<String> scriptKeys = List.of(named == null ? "" : keys.dispute(named), keys.languages(),
                deliveryId == null ? "" : keys.inbound(deliveryId),
                named != null || sender == null ? "" : keys.focus(sender),
                named != null || person == null ? "" : keys.openDisputes(person));
        List<?> reply = LOAD.run(redis, scriptKeys, args);
        String kind = (String) reply.get(0);
        if (kind.equals("handled")) {
            return TurnStart.HANDLED;
        }
        Optional<DisputeId> id = named != null ? Optional.of(named)
                : Optional.of((String) reply.get(1)).filter(found -> !found.isEmpty()).map(DisputeId::new);
        if (kind.equals("none")) {
            return TurnStart.of(id, Optional.empty());
        }
        List<?> addresses = (List<?>) reply.get(4);
        Map<PersonId, Address> lastAddresses = new HashMap<>();
        for (int i = 0; i + 1 < addresses.size(); i += 2) {
            String address = (String) addresses.get(i + 1);
            if (!address.isEmpty()) {
                lastAddresses.put(new PersonId((String) addresses.get(i)), DisputeJson.readAddress(address));
            }
        }
        StoredDispute stored = new StoredDispute(StoredForm.readDispute((String) reply.get(3)),
                Long.parseLong((String) reply.get(2)), lastAddresses);
        List<Speaker> speakers = ((List<?>) reply.get(5)).stream().map(key -> new Speaker((String) key)).toList();
        return TurnStart.of(id, Optional.of(new LoadedDispute(stored, preferences(speakers, (List<?>) reply.get(6)))));
    }

    @Override
    public CommitResult commit(Change change) {
        Objects.requireNonNull(change, "change");
        // Everything that can refuse the change runs before the script, so a refusal writes nothing.
        CommitCall call = new CommitCall(change, paymentFields(change.dispute()), events.of(change));
        Set<PersonId> formerParties = new LinkedHashSet<>();
        String orderHolder = "";
        List<?> reply = List.of();
        for (int attempt = 1; attempt <= MAX_SCRIPT_CALLS; attempt++) {
            reply = runCommitScript(call.keys(formerParties, orderHolder), call.args(formerParties, orderHolder));
            String kind = (String) reply.get(0);
            switch (kind) {
                case "committed":
                    return new CommitResult.Committed((Long) reply.get(1));
                case "conflict":
                    return new CommitResult.VersionConflict((Long) reply.get(1));
                case "order_taken":
                    return new CommitResult.OrderAlreadyDisputed(new DisputeId((String) reply.get(1)));
                case "duplicate":
                    return new CommitResult.AlreadyApplied();
                case "order_held":
                    orderHolder = (String) reply.get(1);
                    break;
                case "former_parties":
                    reply.subList(1, reply.size()).forEach(party -> formerParties.add(new PersonId((String) party)));
                    break;
                default:
                    throw new IllegalStateException("commit.lua replied " + reply);
            }
        }
        if ("order_held".equals(reply.get(0))) {
            // The order changed hands between every call: it is certainly disputed.
            return new CommitResult.OrderAlreadyDisputed(new DisputeId(orderHolder));
        }
        throw new IllegalStateException("dispute " + change.dispute().id() + " was not committed after "
                + MAX_SCRIPT_CALLS + " calls; last reply " + reply);
    }

    @Override
    public List<DisputeId> openDisputesOf(PersonId person) {
        Objects.requireNonNull(person, "person");
        return redis.zrange(keys.openDisputes(person), 0, -1).stream().map(DisputeId::new).toList();
    }

    @Override
    public Optional<DisputeId> focusOf(ChannelIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        return Optional.ofNullable(redis.get(keys.focus(identity))).map(DisputeId::new);
    }

    @Override
    public void scheduleTimer(DisputeId id, Optional<Instant> at) {
        if (at.isPresent()) {
            redis.zadd(keys.timers(), at.get().toEpochMilli(), requireId(id).value());
        } else {
            redis.zrem(keys.timers(), requireId(id).value());
        }
    }

    @Override
    public List<DisputeId> claimDueTimers(Instant now, Duration lease, int max) {
        List<?> due = (List<?>) redis.eval(CLAIM_TIMERS, List.of(keys.timers()), List.of(
                Long.toString(now.toEpochMilli()), Long.toString(now.plus(lease).toEpochMilli()), Integer.toString(max)));
        return due.stream().map(id -> new DisputeId((String) id)).toList();
    }

    @Override
    public List<Dispute> closedSince(Instant since, int max) {
        if (max < 1) {
            return List.of();
        }
        List<String> ids = redis.zrevrangeByScore(keys.closedDisputes(), Double.POSITIVE_INFINITY,
                since.toEpochMilli(), 0, max);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<?> jsons = DISPUTE_FORMS.run(redis, ids.stream().map(keys::dispute).toList(), List.of());
        return jsons.stream().map(String.class::cast).filter(json -> !json.isEmpty())
                .map(StoredForm::readDispute).toList();
    }

    @Override
    public List<DisputeId> mediatorQueue() {
        return redis.zrange(keys.mediatorQueue(), 0, -1).stream().map(DisputeId::new).toList();
    }

    /**
     * Open disputes are the orders' claims (an order names its open dispute until the dispute closes), found
     * with SCAN, so Redis is never blocked; the steps come in batches. The queue and the timers are one
     * sorted-set read each.
     */
    @Override
    public DisputeCounts counts(Instant now) {
        Map<Step, Long> openByStep = new EnumMap<>(Step.class);
        long claimedOverdue = 0;
        ScanParams orders = new ScanParams().match(keys.orderPattern()).count(COUNT_BATCH);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, orders);
            cursor = page.getCursor();
            if (page.getResult().isEmpty()) {
                continue;
            }
            List<String> disputeKeys = redis.mget(page.getResult().toArray(String[]::new)).stream()
                    .filter(Objects::nonNull).map(keys::dispute).toList();
            if (disputeKeys.isEmpty()) {
                continue;
            }
            List<?> steps = STEPS.run(redis, disputeKeys, List.of());
            for (int i = 0; i < steps.size(); i += 2) {
                String step = (String) steps.get(i);
                if (step.isEmpty() || step.equals(Step.CLOSED.name())) {
                    continue;
                }
                openByStep.merge(Step.valueOf(step), 1L, Long::sum);
                String json = (String) steps.get(i + 1);
                if (!json.isEmpty() && claimedAndOverdue(StoredForm.readDispute(json), now)) {
                    claimedOverdue++;
                }
            }
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        Optional<Instant> oldestHandoff = oldest(keys.mediatorQueue(), Double.POSITIVE_INFINITY);
        long handoffs = redis.zcard(keys.mediatorQueue());
        long nowMillis = now.toEpochMilli();
        long timersDue = redis.zcount(keys.timers(), Double.NEGATIVE_INFINITY, nowMillis);
        return new DisputeCounts(openByStep, handoffs, oldestHandoff, claimedOverdue, timersDue,
                oldest(keys.timers(), nowMillis));
    }

    private static boolean claimedAndOverdue(Dispute dispute, Instant now) {
        return dispute.mediator().isPresent() && dispute.stepDeadline().filter(now::isAfter).isPresent();
    }

    /** The lowest score of a sorted set scored in epoch milliseconds, if it is at most {@code atMost}. */
    private Optional<Instant> oldest(String key, double atMost) {
        return redis.zrangeWithScores(key, 0, 0).stream()
                .map(Tuple::getScore)
                .filter(score -> score <= atMost)
                .findFirst()
                .map(score -> Instant.ofEpochMilli(score.longValue()));
    }

    @Override
    public Map<PersonId, Address> lastAddressesOf(List<PersonId> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        List<String> found = redis.mget(people.stream().map(keys::lastAddress).toArray(String[]::new));
        Map<PersonId, Address> addresses = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            if (found.get(i) != null) {
                addresses.put(people.get(i), DisputeJson.readAddress(found.get(i)));
            }
        }
        return addresses;
    }

    @Override
    public void rememberAddress(PersonId person, Address address) {
        redis.set(keys.lastAddress(Objects.requireNonNull(person, "person")),
                DisputeJson.write(Objects.requireNonNull(address, "address")));
    }

    @Override
    public boolean wasHandled(String inboundId) {
        return redis.exists(keys.inbound(inboundId));
    }

    @Override
    public boolean queueReplies(String inboundId, List<ReplyWrite> replies) {
        if (inboundId == null && replies.isEmpty()) {
            return true;
        }
        List<String> scriptKeys = new ArrayList<>();
        if (inboundId != null) {
            scriptKeys.add(keys.inbound(inboundId));
        }
        List<String> args = new ArrayList<>(List.of(inboundId == null ? "0" : "1",
                Long.toString(INBOUND_TTL.toSeconds()), Integer.toString(replies.size())));
        for (ReplyWrite reply : replies) {
            scriptKeys.addAll(reply.keys());
            args.addAll(reply.args());
        }
        // NX in the script: a commit's own marker (which names the change) is never overwritten by this plain one.
        return Long.valueOf(1).equals(QUEUE_REPLIES.run(redis, scriptKeys, args).get(0));
    }

    @Override
    public List<TimelineEntry> timeline(DisputeId id) {
        return redis.lrange(keys.timeline(requireId(id)), 0, -1).stream()
                .map(StoredForm::readTimelineEntry).toList();
    }

    @Override
    public long transcriptSize(DisputeId id) {
        return redis.llen(keys.transcript(requireId(id)));
    }

    @Override
    public List<TranscriptEntry> transcript(DisputeId id, int limit) {
        requireId(id);
        if (limit < 0) {
            throw new IllegalArgumentException("a transcript limit is 0 or more lines, not " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return redis.lrange(keys.transcript(id), -limit, -1).stream()
                .map(StoredForm::readTranscriptEntry).toList();
    }

    @Override
    public Map<Speaker, Preference> languages(Collection<Speaker> speakers) {
        if (speakers.isEmpty()) {
            return Map.of();
        }
        List<Speaker> asked = List.copyOf(speakers);
        String[] fields = new String[asked.size() * 2];
        for (int i = 0; i < asked.size(); i++) {
            fields[2 * i] = asked.get(i).key();
            fields[2 * i + 1] = asked.get(i).key() + HINT;
        }
        return preferences(asked, redis.hmget(keys.languages(), fields));
    }

    /** The speakers' preferences from their fields' values, a choice and a hint each; nothing stored is left out. */
    private static Map<Speaker, Preference> preferences(List<Speaker> speakers, List<?> values) {
        Map<Speaker, Preference> found = new HashMap<>();
        for (int i = 0; i < speakers.size(); i++) {
            Language chosen = Language.of((String) values.get(2 * i)).orElse(null);
            Language hinted = Language.of((String) values.get(2 * i + 1)).orElse(null);
            if (chosen != null || hinted != null) {
                found.put(speakers.get(i), new Preference(chosen, hinted));
            }
        }
        return found;
    }

    @Override
    public void chooseLanguage(Speaker speaker, Language language) {
        redis.hset(keys.languages(), speaker.key(), language.code());
    }

    @Override
    public void hintLanguage(Speaker speaker, Language language) {
        redis.hset(keys.languages(), speaker.key() + HINT, language.code());
    }

    private List<?> runCommitScript(List<String> scriptKeys, List<String> args) {
        return COMMIT_SCRIPT.run(redis, scriptKeys, args);
    }

    /**
     * The payment event's fields when the dispute is closed with an outcome that carries money; the script
     * publishes them only on the commit that closes it. Refuses a closed dispute that breaks the money
     * invariant, rather than publish it.
     */
    private static List<String> paymentFields(Dispute dispute) {
        if (!dispute.isClosed()) {
            return List.of();
        }
        Outcome outcome = dispute.outcome().orElseThrow(() -> new IllegalArgumentException(
                "dispute " + dispute.id() + " is CLOSED without an outcome: close it with one before committing"));
        if (!outcome.type().carriesMoney()) {
            return List.of();
        }
        Money paid = dispute.paid();
        if (!outcome.payout().plus(outcome.refund()).equals(paid)) {
            throw new IllegalArgumentException("dispute " + dispute.id() + ": payout " + outcome.payout()
                    + " + refund " + outcome.refund() + " must equal the amount paid, " + paid);
        }
        return List.of(
                "idempotencyKey", outcome.idempotencyKey(),
                "disputeId", dispute.id().value(),
                "orderId", dispute.order().id().value(),
                "outcome", outcome.type().name(),
                "currency", paid.currency().getCurrencyCode(),
                "payout", Long.toString(outcome.payout().minorUnits()),
                "refund", Long.toString(outcome.refund().minorUnits()),
                "paid", Long.toString(paid.minorUnits()),
                "decidedAt", outcome.decidedAt().toString(),
                "decidedBy", Objects.requireNonNullElse(outcome.decidedBy(), ""));
    }

    private static DisputeId requireId(DisputeId id) {
        return Objects.requireNonNull(id, "id");
    }

    /** The script's keys and arguments for one change; see the header of commit.lua for their order. */
    private final class CommitCall {
        private final Change change;
        private final Dispute dispute;
        private final List<String> paymentFields;
        private final String json;
        private final String updatedAt;
        private final List<String> timeline;
        private final List<String> transcript;
        private final CommitEvents.Events changeEvents;

        CommitCall(Change change, List<String> paymentFields, CommitEvents.Events changeEvents) {
            this.changeEvents = changeEvents;
            this.change = change;
            this.dispute = change.dispute();
            this.paymentFields = paymentFields;
            this.json = StoredForm.write(dispute);
            this.updatedAt = clock.instant().toString();
            this.timeline = change.timeline().stream().map(StoredForm::write).toList();
            this.transcript = change.transcript().stream().map(StoredForm::write).toList();
        }

        List<String> keys(Set<PersonId> formerParties, String orderHolder) {
            DisputeId id = dispute.id();
            List<String> scriptKeys = new ArrayList<>(List.of(keys.dispute(id), keys.timeline(id),
                    keys.transcript(id), keys.order(dispute.order().id()), keys.payments(), keys.timers(), keys.mediatorQueue(), eventsKey,
                    keys.closedDisputes()));
            dispute.parties().forEach(party -> scriptKeys.add(keys.openDisputes(party)));
            leavers(formerParties).forEach(party -> scriptKeys.add(keys.openDisputes(party)));
            if (change.focusOf() != null) {
                scriptKeys.add(keys.focus(change.focusOf()));
            }
            if (!orderHolder.isEmpty()) {
                scriptKeys.add(keys.dispute(orderHolder));
            }
            if (change.lastUsed() != null) {
                scriptKeys.add(keys.lastAddress(change.lastUsed().person()));
            }
            if (change.inboundId() != null) {
                scriptKeys.add(keys.inbound(change.inboundId()));
            }
            change.replies().forEach(reply -> scriptKeys.addAll(reply.keys()));
            return scriptKeys;
        }

        List<String> args(Set<PersonId> formerParties, String orderHolder) {
            List<PersonId> parties = dispute.parties();
            List<PersonId> leavers = leavers(formerParties);
            List<String> args = new ArrayList<>(List.of(
                    Long.toString(change.expectedVersion()),
                    dispute.id().value(),
                    dispute.step().name(),
                    json,
                    updatedAt,
                    Long.toString(dispute.openedAt().toEpochMilli()),
                    Integer.toString(parties.size()),
                    Integer.toString(leavers.size()),
                    Long.toString(FOCUS_TTL.toSeconds()),
                    change.focusOf() != null ? "1" : "0",
                    Integer.toString(TRANSCRIPT_CAP),
                    orderHolder,
                    Integer.toString(timeline.size()),
                    Integer.toString(transcript.size()),
                    Integer.toString(paymentFields.size()),
                    change.inboundId() == null ? "" : dispute.id() + ":" + (change.expectedVersion() + 1),
                    Long.toString(INBOUND_TTL.toSeconds()),
                    dispute.nextTimer().map(at -> Long.toString(at.toEpochMilli())).orElse(""),
                    dispute.awaitsMediator() ? Long.toString(dispute.handedOffAt().orElse(clock.instant()).toEpochMilli())
                            : "",
                    change.lastUsed() == null ? "" : DisputeJson.write(change.lastUsed().address()),
                    Integer.toString(changeEvents.whenCommitted().size()),
                    Integer.toString(changeEvents.whenClosed().size()),
                    Integer.toString(change.replies().size()),
                    Long.toString(change.replies().stream().mapToLong(reply -> reply.keys().size()).sum()),
                    dispute.isClosed() ? Long.toString(dispute.outcome().map(Outcome::decidedAt)
                            .orElse(clock.instant()).toEpochMilli()) : ""));
            parties.forEach(party -> args.add(party.value()));
            leavers.forEach(party -> args.add(party.value()));
            args.addAll(timeline);
            args.addAll(transcript);
            args.addAll(paymentFields);
            for (OutboxEntry event : changeEvents.whenCommitted()) {
                args.add(event.conversation());
                args.add(event.payload());
            }
            for (OutboxEntry event : changeEvents.whenClosed()) {
                args.add(event.conversation());
                args.add(event.payload());
            }
            change.replies().forEach(reply -> args.addAll(reply.args()));
            return args;
        }

        /** Former parties who are not parties again (a replacement can be withdrawn and assigned anew). */
        private List<PersonId> leavers(Set<PersonId> formerParties) {
            List<PersonId> parties = dispute.parties();
            return formerParties.stream().filter(party -> !parties.contains(party)).toList();
        }
    }
}
