-- Deletes one marketplace person or order unless an open dispute (or, for a person, an order) needs it.
-- Called by RedisMarketplace.
-- KEYS[1] the entry's hash   KEYS[2] people or orders sorted set
-- KEYS[3] for a person: their open disputes; for an order: its open-dispute key
-- KEYS[4] for a person: their orders; for an order: the client's orders   KEYS[5] order: the expert's orders
-- KEYS[6] order: hash of the dispute the caller read in KEYS[3] (or a dummy)
-- then, for a person, the keys of their identities as read
-- ARGV[1] 'person' or 'order'   ARGV[2] id   ARGV[3] what the caller read: identities JSON (person),
-- or client and expert as 'client expert' (order)   ARGV[4] order: the dispute read in KEYS[3], or ''
-- Replies: {'deleted'} | {'absent'} | {'changed'} | {'disputed', dispute id} | {'has_orders', order id}
local kind, id, declared = ARGV[1], ARGV[2], ARGV[3]
local entryKey, allKey = KEYS[1], KEYS[2]
if redis.call('EXISTS', entryKey) == 0 then
    return {'absent'}
end
if kind == 'person' then
    if redis.call('HGET', entryKey, 'identities') ~= declared then
        return {'changed'}
    end
    local disputes = redis.call('ZRANGE', KEYS[3], 0, 0)
    if #disputes > 0 then
        return {'disputed', disputes[1]}
    end
    local orders = redis.call('ZRANGE', KEYS[4], 0, 0)
    if #orders > 0 then
        return {'has_orders', orders[1]}
    end
    for i = 7, #KEYS do
        if redis.call('GET', KEYS[i]) == id then
            redis.call('DEL', KEYS[i])
        end
    end
else
    local stored = redis.call('HMGET', entryKey, 'client', 'expert')
    if (stored[1] .. ' ' .. stored[2]) ~= declared or (redis.call('GET', KEYS[3]) or '') ~= ARGV[4] then
        return {'changed'}
    end
    if ARGV[4] ~= '' then
        local step = redis.call('HGET', KEYS[6], 'step')
        if step and step ~= 'CLOSED' then
            return {'disputed', ARGV[4]}
        end
    end
    redis.call('ZREM', KEYS[4], id)
    redis.call('ZREM', KEYS[5], id)
end
redis.call('DEL', entryKey)
redis.call('ZREM', allKey, id)
return {'deleted'}
