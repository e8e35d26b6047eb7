-- Applies one Change to one dispute, all of it or nothing. Called by RedisDisputeStore, which documents
-- the keys; every key the script touches is declared here:
--
-- KEYS[1] dispute hash      KEYS[2] timeline list     KEYS[3] transcript list
-- KEYS[4] order key         KEYS[5] payments stream   KEYS[6] timers sorted set
-- KEYS[7] the mediators' queue (sorted set)   KEYS[8] the events' outbox stream (webhooks)
-- KEYS[9] the closed disputes (sorted set, scored by when they closed)
-- then one open-disputes index per party (ARGV parties, then former parties),
-- then the focus key (if ARGV[10] == '1'), then the hash of the order's holder (if ARGV[12] ~= ''),
-- then the key of where the sender was last reached (if ARGV[20] ~= ''),
-- then the inbound message's key (if ARGV[16] ~= ''),
-- then the keys of the turn's replies (ARGV[24] of them; see replies.lua, which the store puts in front).
--
-- ARGV[1] expected version (0 = create)   ARGV[2] dispute id     ARGV[3] step      ARGV[4] the dispute's stored
-- form (StoredForm), written in pieces (see stored-form.lua, which the store puts in front with replies.lua)
-- ARGV[5] updatedAt                       ARGV[6] openedAt in epoch millis (index score)
-- ARGV[7] number of parties               ARGV[8] number of former parties
-- ARGV[9] focus TTL in seconds            ARGV[10] '1' when a focus key is declared
-- ARGV[11] transcript cap                 ARGV[12] order holder whose hash is declared, or ''
-- ARGV[13] number of timeline entries     ARGV[14] number of transcript lines
-- ARGV[15] number of payment field names and values
-- ARGV[16] '' or the inbound marker: dispute id and the version this change creates, "<id>:<version>"
-- ARGV[17] how long the inbound key is kept, in seconds
-- ARGV[18] when the bot must next look at the dispute by itself (epoch millis), or '' for never
-- ARGV[19] when the dispute was handed to a mediator (epoch millis) if it waits unclaimed, else ''
-- ARGV[20] the address the sender used this turn (JSON), kept as where to reach them, or ''
-- ARGV[21] number of events queued when the change commits   ARGV[22] number queued only when it closes
-- ARGV[23] number of the turn's replies                        ARGV[24] number of their keys
-- ARGV[25] when the dispute closed (epoch millis), or '' while it is open
-- then the party ids, former party ids, timeline entries, transcript lines, payment fields, then the
-- events (two values each: conversation, payload), those of ARGV[21] first, then the replies (four values
-- each, see replies.lua).
--
-- Replies: {'committed', version} | {'conflict', current version} | {'order_taken', holder id}
--        | {'duplicate'}: another change already applied the same inbound message
--        | {'order_held', holder id}: declare the holder's hash and call again, to see whether it is stale
--        | {'former_parties', ids...}: declare these parties' indexes too and call again
-- Only 'committed' writes anything, and only once: a 'committed' for a call that finds its own change
-- already applied writes nothing (its replies were queued by the call that applied it).

local hashKey, timelineKey, transcriptKey, orderKey, paymentsKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local timersKey, queueKey, eventsKey = KEYS[6], KEYS[7], KEYS[8]

local expected = tonumber(ARGV[1])
local id, step, json, updatedAt, openedAt = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local partyCount, formerCount = tonumber(ARGV[7]), tonumber(ARGV[8])
local focusTtl, hasFocus = ARGV[9], ARGV[10] == '1'
local transcriptCap, declaredHolder = tonumber(ARGV[11]), ARGV[12]
local timelineCount, transcriptCount, paymentCount = tonumber(ARGV[13]), tonumber(ARGV[14]), tonumber(ARGV[15])
local inboundMarker, inboundTtl = ARGV[16], ARGV[17]
local nextTimer, queuedSince = ARGV[18], ARGV[19]
local lastUsed = ARGV[20]
local eventCount, closeEventCount = tonumber(ARGV[21]), tonumber(ARGV[22])
local replyCount, replyKeyCount = tonumber(ARGV[23]), tonumber(ARGV[24])

local closedKey, closedAt = KEYS[9], ARGV[25]
local firstPartyKey = 10
local focusKey = KEYS[firstPartyKey + partyCount + formerCount]
local holderHashKey = KEYS[firstPartyKey + partyCount + formerCount + (hasFocus and 1 or 0)]
local lastUsedKey = KEYS[firstPartyKey + partyCount + formerCount + (hasFocus and 1 or 0)
        + (declaredHolder ~= '' and 1 or 0)]
local inboundKey = KEYS[#KEYS - replyKeyCount]
local firstReplyKey = #KEYS - replyKeyCount + 1

local argIndex = 26
local function nextArgs(count)
    local values = {}
    for i = 1, count do
        values[i] = ARGV[argIndex]
        argIndex = argIndex + 1
    end
    return values
end
local parties, formerParties = nextArgs(partyCount), nextArgs(formerCount)
local timeline, transcript, payment = nextArgs(timelineCount), nextArgs(transcriptCount), nextArgs(paymentCount)
local events, closeEvents = nextArgs(eventCount * 2), nextArgs(closeEventCount * 2)
local firstReplyArg = argIndex

-- 1. Checks; nothing is written before all of them pass.

local stored = redis.call('HMGET', hashKey, 'version', 'step', 'parties', 'n')
local currentVersion = tonumber(stored[1]) or 0
local previousStep = stored[2]

-- Before the version check: a client that retries this very call after a timeout finds the dispute one
-- version on, and must hear that its change is in, not that someone else's is. So does a second copy of the
-- same delivery that ran the same turn at the same time: either way the change and its replies were
-- written by the call that applied it, and nothing is written again (the replies are queued once).
if inboundMarker ~= '' then
    local applied = redis.call('GET', inboundKey)
    if applied then
        if applied == inboundMarker and currentVersion == expected + 1 then
            return {'committed', currentVersion}
        end
        return {'duplicate'}
    end
end

if currentVersion ~= expected then
    return {'conflict', currentVersion}
end

-- A party can leave (a withdrawn replacement expert): their index must drop the dispute too.
if stored[3] then
    local declared = {}
    for _, party in ipairs(parties) do declared[party] = true end
    for _, party in ipairs(formerParties) do declared[party] = true end
    local undeclared = {}
    for _, party in ipairs(cjson.decode(stored[3])) do
        if not declared[party] then table.insert(undeclared, party) end
    end
    if #undeclared > 0 then
        return {'former_parties', unpack(undeclared)}
    end
end

if expected == 0 then
    local holder = redis.call('GET', orderKey)
    if holder and holder ~= id then
        if holder ~= declaredHolder then
            return {'order_held', holder}
        end
        if redis.call('EXISTS', holderHashKey) == 1 then
            return {'order_taken', holder}
        end
        -- The holder's dispute no longer exists: its claim on the order is stale, and the SET below takes over.
    end
end

-- 2. Writes.

local closed = step == 'CLOSED'
local version = currentVersion + 1
-- Only what the turn changed: the parties (and so their indexes) rarely change after the dispute opens.
local encodedParties = cjson.encode(parties)
local partiesChanged = encodedParties ~= stored[3]
if currentVersion > 0 and not stored[4] then
    -- Stored whole before the compact form: Redis never turns a hash table back into a listpack, so the hash
    -- is written anew.
    redis.call('DEL', hashKey)
    partiesChanged = true
end
if partiesChanged then
    redis.call('HSET', hashKey, 'version', version, 'step', step, 'updatedAt', updatedAt, 'parties', encodedParties)
else
    redis.call('HSET', hashKey, 'version', version, 'step', step, 'updatedAt', updatedAt)
end
writeStored(hashKey, json, tonumber(stored[4]))

for _, entry in ipairs(timeline) do
    redis.call('RPUSH', timelineKey, entry)
end
for _, line in ipairs(transcript) do
    redis.call('RPUSH', transcriptKey, line)
end
if transcriptCount > 0 then
    redis.call('LTRIM', transcriptKey, -transcriptCap, -1)
end

-- An open dispute whose parties did not change is in their indexes already, at the same score.
for i = 1, partyCount do
    local index = KEYS[firstPartyKey + i - 1]
    if closed then
        redis.call('ZREM', index, id)
    elseif partiesChanged or previousStep == 'CLOSED' then
        redis.call('ZADD', index, openedAt, id)
    end
end
for i = 1, formerCount do
    redis.call('ZREM', KEYS[firstPartyKey + partyCount + i - 1], id)
end

if closed then
    -- Only this dispute's own claim is released: a newer dispute may already hold the order.
    if redis.call('GET', orderKey) == id then
        redis.call('DEL', orderKey)
    end
elseif expected == 0 then
    redis.call('SET', orderKey, id)
end

if hasFocus then
    redis.call('SET', focusKey, id, 'EX', focusTtl)
end

-- The dispute's one timer follows its state: a new deadline reschedules it, a closed dispute drops it.
if nextTimer == '' then
    redis.call('ZREM', timersKey, id)
else
    redis.call('ZADD', timersKey, nextTimer, id)
end

-- The mediators' queue holds exactly the disputes handed off and not claimed, oldest hand-off first.
if queuedSince == '' then
    redis.call('ZREM', queueKey, id)
else
    redis.call('ZADD', queueKey, queuedSince, id)
end

if lastUsed ~= '' then
    redis.call('SET', lastUsedKey, lastUsed)
end

if inboundMarker ~= '' then
    redis.call('SET', inboundKey, inboundMarker, 'EX', inboundTtl)
end

-- Published once: only by the commit that moves the dispute into CLOSED.
if closed and previousStep ~= 'CLOSED' and paymentCount > 0 then
    redis.call('XADD', paymentsKey, '*', unpack(payment))
end

-- Events for the webhooks' outbox, in the same step as the state they describe (a transactional outbox).
local function queueEvents(list)
    for i = 1, #list, 2 do
        redis.call('XADD', eventsKey, '*', 'conversation', list[i], 'payload', list[i + 1])
    end
end
queueEvents(events)
if closed and previousStep ~= 'CLOSED' then
    queueEvents(closeEvents)
    -- The reports' index of closed disputes (outcomes per week, time to resolution).
    if closedAt ~= '' then redis.call('ZADD', closedKey, closedAt, id) end
end

-- 3. The turn's replies, in the same step as the state they answer: queued exactly when the turn is
-- applied, under its delivery id's marker above, so a crash after the commit loses none and a
-- redelivery queues none again.
queueReplies(firstReplyKey, firstReplyArg, replyCount)

return {'committed', version}
