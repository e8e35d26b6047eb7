-- Creates or replaces one marketplace person, all of it or nothing. Called by RedisMarketplace.
-- KEYS[1] person hash   KEYS[2] people sorted set   KEYS[3] sequence counter
-- then ARGV[5] keys of the new identities, then ARGV[6] keys of the identities stored now (as declared)
-- ARGV[1] person id   ARGV[2] person JSON   ARGV[3] new identities (JSON list)
-- ARGV[4] the stored identities the caller read (JSON list, '' for none)
-- ARGV[5] number of new identity keys   ARGV[6] number of old identity keys
-- ARGV[7] expected version, or '' for any
-- Replies: {'written', version, created} | {'unchanged', version} | {'conflict', version}
--        | {'changed'}: the stored identities are not those declared; read again and call again
--        | {'identity_taken', index (from 0), owner}
local personKey, peopleKey, seqKey = KEYS[1], KEYS[2], KEYS[3]
local id, json, identities, declared = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local newCount, oldCount, expected = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7]

local stored = redis.call('HMGET', personKey, 'version', 'identities', 'json')
local version = tonumber(stored[1]) or 0
if expected ~= '' and tonumber(expected) ~= version then
    return {'conflict', version}
end
if (stored[2] or '') ~= declared then
    return {'changed'}
end
if stored[3] == json then
    return {'unchanged', version}
end
local newKeys = {}
for i = 1, newCount do
    local key = KEYS[3 + i]
    newKeys[key] = true
    local owner = redis.call('GET', key)
    if owner and owner ~= id then
        return {'identity_taken', i - 1, owner}
    end
end

for i = 1, oldCount do
    local key = KEYS[3 + newCount + i]
    if not newKeys[key] and redis.call('GET', key) == id then
        redis.call('DEL', key)
    end
end
for key in pairs(newKeys) do
    redis.call('SET', key, id)
end
local created = 0
if version == 0 then
    created = 1
    redis.call('ZADD', peopleKey, redis.call('INCR', seqKey), id)
end
version = version + 1
redis.call('HSET', personKey, 'version', version, 'identities', identities, 'json', json)
return {'written', version, created}
