-- Loads a dispute and the stored languages of its parties and of other speakers, in one round trip.
-- KEYS[1] the dispute's hash, KEYS[2] the languages hash.
-- ARGV[1] the suffix of a speaker's hint field ('|hint'); ARGV[2..] the other speakers' keys.
-- A party's speaker key is 'person:' .. id (see Speaker.person).
-- Replies {} when the dispute is missing, else {version, json, speakers, values}: for each speaker in
-- `speakers`, two values follow in `values`, their choice and their hint (nil when absent).
local dispute = redis.call('HMGET', KEYS[1], 'version', 'json', 'parties')
if not dispute[1] or not dispute[2] then
  return {}
end
local speakers = {}
if dispute[3] then
  for _, party in ipairs(cjson.decode(dispute[3])) do
    speakers[#speakers + 1] = 'person:' .. party
  end
end
for i = 2, #ARGV do
  speakers[#speakers + 1] = ARGV[i]
end
local fields = {}
for _, speaker in ipairs(speakers) do
  fields[#fields + 1] = speaker
  fields[#fields + 1] = speaker .. ARGV[1]
end
local values = {}
if #fields > 0 then
  values = redis.call('HMGET', KEYS[2], unpack(fields))
end
return {dispute[1], dispute[2], speakers, values}
