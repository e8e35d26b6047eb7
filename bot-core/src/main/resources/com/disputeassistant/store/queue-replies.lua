-- Queues the replies of a message that changed no dispute (refused, a question, a menu, a stranger's
-- notice) together with its delivery id's handled-marker, all or nothing. Called by RedisDisputeStore.
--
-- KEYS[1] the inbound key of the delivery id (if ARGV[1] == '1'), then the replies' keys.
-- ARGV[1] '1' when the message has a delivery id   ARGV[2] how long its marker is kept, in seconds
-- ARGV[3] number of replies, then their arguments (see queueReplies).
--
-- Replies {1} when the replies were queued, {0} when the delivery id was already handled (by an earlier
-- copy of the message, which queued its replies then): nothing is written a second time.

local marked = ARGV[1] == '1'
if marked and not redis.call('SET', KEYS[1], 'handled', 'NX', 'EX', ARGV[2]) then
    return {0}
end
queueReplies(marked and 2 or 1, 4, tonumber(ARGV[3]))
return {1}
