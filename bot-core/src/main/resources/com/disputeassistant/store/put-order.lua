-- Creates or replaces one marketplace order, all of it or nothing. Called by RedisMarketplace.
-- KEYS[1] order hash   KEYS[2] orders sorted set   KEYS[3] sequence counter
-- KEYS[4] client's person hash   KEYS[5] expert's person hash
-- KEYS[6] client's orders   KEYS[7] expert's orders   KEYS[8] stored client's orders   KEYS[9] stored expert's orders
-- KEYS[10] the order's open-dispute key   KEYS[11] hash of the dispute the caller read there (or a dummy)
-- KEYS[12] that dispute's timeline
-- ARGV[1] order id   ARGV[2] order JSON   ARGV[3] client   ARGV[4] expert
-- ARGV[5] stored client, as read ('' for none)   ARGV[6] stored expert, as read   ARGV[7] expected version or ''
-- ARGV[8] the dispute id read from the open-dispute key, or ''
-- ARGV[9] when (ISO instant)   ARGV[10] who (for the timeline)   ARGV[11] why (for the timeline)
-- Replies: {'written', version, created, noted dispute or ''} | {'unchanged', version} | {'conflict', version}
--        | {'changed'}: read again and call again | {'unknown_person', 'client' or 'expert'}
local orderKey, ordersKey, seqKey = KEYS[1], KEYS[2], KEYS[3]
local clientKey, expertKey = KEYS[4], KEYS[5]
local clientOrders, expertOrders, oldClientOrders, oldExpertOrders = KEYS[6], KEYS[7], KEYS[8], KEYS[9]
local disputeKey, holderKey, timelineKey = KEYS[10], KEYS[11], KEYS[12]
local id, json, client, expert = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local declaredClient, declaredExpert, expected, declaredHolder = ARGV[5], ARGV[6], ARGV[7], ARGV[8]

local stored = redis.call('HMGET', orderKey, 'version', 'client', 'expert', 'json', 'seq')
local version = tonumber(stored[1]) or 0
if expected ~= '' and tonumber(expected) ~= version then
    return {'conflict', version}
end
if (stored[2] or '') ~= declaredClient or (stored[3] or '') ~= declaredExpert
        or (redis.call('GET', disputeKey) or '') ~= declaredHolder then
    return {'changed'}
end
if redis.call('EXISTS', clientKey) == 0 then
    return {'unknown_person', 'client'}
end
if redis.call('EXISTS', expertKey) == 0 then
    return {'unknown_person', 'expert'}
end
if stored[4] == json then
    return {'unchanged', version}
end

local created, seq = 0, stored[5]
if version == 0 then
    created = 1
    seq = redis.call('INCR', seqKey)
end
if declaredClient ~= '' then
    redis.call('ZREM', oldClientOrders, id)
    redis.call('ZREM', oldExpertOrders, id)
end
redis.call('ZADD', clientOrders, seq, id)
redis.call('ZADD', expertOrders, seq, id)
redis.call('ZADD', ordersKey, seq, id)
version = version + 1
redis.call('HSET', orderKey, 'version', version, 'client', client, 'expert', expert, 'json', json, 'seq', seq)

-- An open dispute keeps the terms it was opened with; its timeline says that the order changed.
local noted = ''
if declaredHolder ~= '' then
    local step = redis.call('HGET', holderKey, 'step')
    if step and step ~= 'CLOSED' then
        redis.call('RPUSH', timelineKey, cjson.encode({at = ARGV[9], actor = ARGV[10], from = step, to = step,
            why = ARGV[11]}))
        noted = declaredHolder
    end
end
return {'written', version, created, noted}
