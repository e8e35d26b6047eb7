-- A dispute's stored form (StoredForm) lives in its hash in pieces of at most 64 bytes, fields p1..pN with N
-- in field 'n': every value of the hash then stays within Redis' hash-max-listpack-value (64 by default), so
-- the hash keeps the compact listpack encoding instead of a hash table (about 700 bytes less per dispute).
-- A dispute stored before this has its form whole, in field 'json'. The store puts this file in front of
-- every script that reads or writes a dispute's form.
local PIECE = 64

-- The dispute's stored form, or nil when the hash has none.
local function readStored(key)
    local count = tonumber(redis.call('HGET', key, 'n') or '')
    if not count then
        return redis.call('HGET', key, 'json') or nil
    end
    local fields = {}
    for i = 1, count do fields[i] = 'p' .. i end
    return table.concat(redis.call('HMGET', key, unpack(fields)))
end

-- Writes the stored form in pieces, dropping what an earlier, longer form left. `previousCount` is the hash's
-- 'n' before (nil for a new hash; a hash with the form whole in 'json' is written anew, see commit.lua).
local function writeStored(key, stored, previousCount)
    local count = math.ceil(#stored / PIECE)
    local args = {'n', count}
    for i = 1, count do
        args[#args + 1] = 'p' .. i
        args[#args + 1] = string.sub(stored, (i - 1) * PIECE + 1, i * PIECE)
    end
    redis.call('HSET', key, unpack(args))
    if previousCount and previousCount > count then
        local stale = {}
        for i = count + 1, previousCount do
            stale[#stale + 1] = 'p' .. i
        end
        redis.call('HDEL', key, unpack(stale))
    end
end
