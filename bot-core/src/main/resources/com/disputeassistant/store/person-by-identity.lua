-- The person an identity belongs to, as JSON, in one round trip. Called by RedisMarketplace.
-- KEYS[1] the identity's key
-- ARGV[1], ARGV[2] what comes before and after the id in a person's key ('P market:person:{' and '}')
-- Replies {json}, or {} when the identity belongs to nobody.
local id = redis.call('GET', KEYS[1])
if not id then
    return {}
end
local json = redis.call('HGET', ARGV[1] .. id .. ARGV[2], 'json')
if not json then
    return {}
end
return {json}
