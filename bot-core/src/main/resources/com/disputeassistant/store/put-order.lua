-- Creates or replaces one marketplace order, all of it or nothing. Called by RedisMarketplace.
-- KEYS[1] order hash   KEYS[2] orders sorted set   KEYS[3] sequence counter
-- KEYS[4] client's person hash   KEYS[5] expert's person hash   KEYS[6] client's orders   KEYS[7] expert's orders
-- KEYS[8] the order's open-dispute key
-- ARGV[1] order id   ARGV[2] order JSON   ARGV[3] client   ARGV[4] expert   ARGV[5] expected version or ''
-- ARGV[6] when (ISO instant)   ARGV[7] who (for the timeline)   ARGV[8] why (for the timeline)
-- ARGV[9] the prefix of a person's key ('P market:person:{')   ARGV[10] the prefix of a dispute's key ('P dispute:{')
-- The keys of the stored client's and expert's order lists and of the open dispute are built here from
-- what is stored: a concurrent writer may have changed them since the caller could have read them. (Like
-- the dispute's commit, this keeps every key of a write in one Redis; Redis Cluster would need them declared.)
-- Replies: {'written', version, created, noted dispute or ''} | {'unchanged', version} | {'conflict', version}
--        | {'unknown_person', 'client' or 'expert'}
local orderKey, ordersKey, seqKey = KEYS[1], KEYS[2], KEYS[3]
local clientKey, expertKey, clientOrders, expertOrders, disputeKey = KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
local id, json, client, expert, expected = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local personPrefix, disputePrefix = ARGV[9], ARGV[10]

local stored = redis.call('HMGET', orderKey, 'version', 'client', 'expert', 'json', 'seq')
local version = tonumber(stored[1]) or 0
if expected ~= '' and tonumber(expected) ~= version then
    return {'conflict', version}
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
if stored[2] then
    redis.call('ZREM', personPrefix .. stored[2] .. '}:orders', id)
    redis.call('ZREM', personPrefix .. stored[3] .. '}:orders', id)
end
redis.call('ZADD', clientOrders, seq, id)
redis.call('ZADD', expertOrders, seq, id)
redis.call('ZADD', ordersKey, seq, id)
version = version + 1
redis.call('HSET', orderKey, 'version', version, 'client', client, 'expert', expert, 'json', json, 'seq', seq)

-- An open dispute keeps the terms it was opened with; its timeline says that the order changed.
local noted = ''
local holder = redis.call('GET', disputeKey)
if holder then
    local step = redis.call('HGET', disputePrefix .. holder .. '}', 'step')
    if step and step ~= 'CLOSED' then
        redis.call('RPUSH', disputePrefix .. holder .. '}:timeline', cjson.encode({at = ARGV[6], actor = ARGV[7],
            from = step, to = step, why = ARGV[8]}))
        noted = holder
    end
end
return {'written', version, created, noted}
