-- Reads what a turn starts from, in one round trip: whether the message's delivery id was handled, which
-- dispute the turn is about, the dispute, where each of its parties last wrote from, and the stored languages
-- of its parties and of other speakers. Called by RedisDisputeStore (after stored-form.lua).
--
-- KEYS[1] the dispute's hash, or '' when the turn is about the sender's focus
-- KEYS[2] the languages hash
-- KEYS[3] the inbound key of the message's delivery id, or '' when there is none to check
-- KEYS[4] the sender's focus key, or ''        KEYS[5] the sender's open-disputes index, or ''
-- ARGV[1], ARGV[2] what comes before and after a person's id in their last-address key; ARGV[3] the suffix
-- of a speaker's hint field ('|hint'); ARGV[4], ARGV[5] what comes before and after a dispute id in its hash
-- key; ARGV[6..] the other speakers' keys. A party's speaker key is 'person:' .. id (see Speaker.person).
--
-- Without a named dispute the focus names it, else the sender's only open dispute. The parties' keys and a
-- focused dispute's hash are only known from what the script reads, so it reads them itself (as commit.lua
-- reads former parties' indexes; see the note on Redis Cluster in RedisDisputeStore).
--
-- Replies {'handled'} when the delivery id was handled already (nothing else is read), {'none', id} when
-- there is no such dispute (id '' when no dispute was named or found), else {'found', id, version, form,
-- addresses, speakers, languages}: `addresses` holds party id and last address (or '') pairs; for each
-- speaker in `speakers`, two values follow in `languages`, their choice and their hint (nil when absent).
if KEYS[3] ~= '' and redis.call('EXISTS', KEYS[3]) == 1 then
  return {'handled'}
end
local hashKey, id = KEYS[1], ''
if hashKey == '' then
  id = (KEYS[4] ~= '' and redis.call('GET', KEYS[4])) or ''
  if id == '' and KEYS[5] ~= '' then
    local open = redis.call('ZRANGE', KEYS[5], 0, 1)
    if #open == 1 then id = open[1] end
  end
  if id == '' then
    return {'none', ''}
  end
  hashKey = ARGV[4] .. id .. ARGV[5]
end
local dispute = redis.call('HMGET', hashKey, 'version', 'parties')
local form = dispute[1] and readStored(hashKey)
if not form then
  return {'none', id}
end
local addresses, speakers = {}, {}
if dispute[2] then
  for _, party in ipairs(cjson.decode(dispute[2])) do
    addresses[#addresses + 1] = party
    addresses[#addresses + 1] = redis.call('GET', ARGV[1] .. party .. ARGV[2]) or ''
    speakers[#speakers + 1] = 'person:' .. party
  end
end
for i = 6, #ARGV do
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
return {'found', id, dispute[1], form, addresses, speakers, languages}
