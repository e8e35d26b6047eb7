-- Queues a turn's replies, as the channels rendered them (see ReplyWrite): `count` writes whose keys start
-- at KEYS[firstKey] (one for an outbox stream entry, two for an inbox message: the list, then its seq) and
-- whose arguments start at ARGV[firstArg], four each: kind ('stream' or 'inbox'), first, second, capacity.
-- The store puts this in front of commit.lua and queue-replies.lua, the two scripts that queue replies.
local function queueReplies(firstKey, firstArg, count)
    local key = firstKey
    for i = firstArg, firstArg + 4 * count - 1, 4 do
        if ARGV[i] == 'inbox' then
            -- Numbered in the same step as the write, so the seqs in the list are contiguous and a poll of
            -- "everything after seq N" never misses one.
            local seq = redis.call('INCR', KEYS[key + 1])
            redis.call('RPUSH', KEYS[key], '{"seq":' .. string.format('%d', seq) .. ',' .. ARGV[i + 1])
            redis.call('LTRIM', KEYS[key], -tonumber(ARGV[i + 3]), -1)
            key = key + 2
        else
            redis.call('XADD', KEYS[key], '*', 'conversation', ARGV[i + 1], 'payload', ARGV[i + 2])
            key = key + 1
        end
    end
end

