-- Creates or replaces one marketplace person, all of it or nothing. Called by RedisMarketplace.
-- KEYS[1] person hash   KEYS[2] people sorted set   KEYS[3] sequence counter   then the new identities' keys
-- ARGV[1] person id   ARGV[2] person JSON   ARGV[3] new identities (JSON list)   ARGV[4] expected version, or ''
-- ARGV[5] the prefix of an identity's key ('P market:identity:')
-- The keys of the identities stored now are built here from the stored list: a concurrent writer may
-- have changed it since the caller could have read it. (Like the dispute's commit, this keeps every key of
-- a write in one Redis; Redis Cluster would need the keys declared.)
-- Replies: {'written', version, created} | {'unchanged', version} | {'conflict', version}
--        | {'identity_taken', index (from 0), owner}
local personKey, peopleKey, seqKey = KEYS[1], KEYS[2], KEYS[3]
local id, json, identities, expected, identityPrefix = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local stored = redis.call('HMGET', personKey, 'version', 'identities', 'json')
local version = tonumber(stored[1]) or 0
if expected ~= '' and tonumber(expected) ~= version then
    return {'conflict', version}
end
if stored[3] == json then
    return {'unchanged', version}
end
local newKeys = {}
for i = 4, #KEYS do
    newKeys[KEYS[i]] = true
    local owner = redis.call('GET', KEYS[i])
    if owner and owner ~= id then
        return {'identity_taken', i - 4, owner}
    end
end

if stored[2] then
    for _, identity in ipairs(cjson.decode(stored[2])) do
        local key = identityPrefix .. identity
        if not newKeys[key] and redis.call('GET', key) == id then
            redis.call('DEL', key)
        end
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
