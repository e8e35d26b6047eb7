-- Loads a dispute for a turn, in one round trip: the dispute, where each of its parties last wrote from,
-- and the stored languages of its parties and of other speakers. The parties are only known from the
-- dispute's hash, so the script reads their keys itself (as commit.lua reads former parties' indexes;
-- see the note on Redis Cluster in RedisDisputeStore).
-- KEYS[1] the dispute's hash, KEYS[2] the languages hash.
-- ARGV[1], ARGV[2] what comes before and after a person's id in their last-address key; ARGV[3] the suffix
-- of a speaker's hint field ('|hint'); ARGV[4..] the other speakers' keys. A party's speaker key is
-- 'person:' .. id (see Speaker.person).
-- Replies {} when the dispute is missing, else {version, json, addresses, speakers, languages}:
-- `addresses` holds party id and last address (or '') pairs; for each speaker in `speakers`, two values
-- follow in `languages`, their choice and their hint (nil when absent).
local dispute = redis.call('HMGET', KEYS[1], 'version', 'json', 'parties')
if not dispute[1] or not dispute[2] then
  return {}
end
local addresses, speakers = {}, {}
if dispute[3] then
  for _, party in ipairs(cjson.decode(dispute[3])) do
    addresses[#addresses + 1] = party
    addresses[#addresses + 1] = redis.call('GET', ARGV[1] .. party .. ARGV[2]) or ''
    speakers[#speakers + 1] = 'person:' .. party
  end
end
for i = 4, #ARGV do
  speakers[#speakers + 1] = ARGV[i]
end
local fields = {}
for _, speaker in ipairs(speakers) do
  fields[#fields + 1] = speaker
  fields[#fields + 1] = speaker .. ARGV[3]
end
local languages = {}
if #fields > 0 then
  languages = redis.call('HMGET', KEYS[2], unpack(fields))
end
return {dispute[1], dispute[2], addresses, speakers, languages}
