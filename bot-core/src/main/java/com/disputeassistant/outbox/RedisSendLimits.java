package com.disputeassistant.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link SendLimits} kept in Redis, so that every instance's sends count against one budget: a sliding-window
 * log per limited thing, a sorted set of the sends of the last window scored by the Redis server's clock.
 * One Lua script per key decides and records a send in one step; it answers how long until the oldest send
 * that stands in the way leaves its window, and the sender waits that long instead of asking again and again.
 *
 * <p>Keys, under the prefix {@code P}: {@code P limits:{PLATFORM:BOT}} for the bot and
 * {@code P limits:{PLATFORM:BOT:CONVERSATION}} for each conversation. Every script touches one key, and each
 * key carries its own hash tag, so this runs on Redis Cluster unchanged; each window is then measured by the
 * clock of the one node that holds its key, never by two clocks.
 *
 * <p>Each window is counted {@link Platform#margin} longer than the platform's, because the platform counts a
 * send when it arrives, which is a varying time after it was taken here.
 *
 * <p>A send takes the conversation's window first and the bot's second. If the bot's window is full, the
 * conversation's send is given back, so nothing counts a send that did not happen; a send given back in
 * between only ever makes another instance wait longer, never shorter.
 */
public final class RedisSendLimits implements SendLimits {
    /*
     * KEYS[1] the log; ARGV[1] this send's unique member; then pairs of count and window (ms). Returns 0 when the
     * send is recorded, else the milliseconds until the window that is full has room.
     */
    private static final String TAKE = """
            if redis.replicate_commands then redis.replicate_commands() end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local longest = 0
            for i = 2, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i + 1])) end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
            local wait = 0
            for i = 2, #ARGV, 2 do
              local count, window = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
              local recent = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - window), '+inf', 'WITHSCORES')
              local sends = #recent / 2
              if sends >= count then
                local blocking = tonumber(recent[2 * (sends - count) + 2])
                wait = math.max(wait, blocking + window - now)
              end
            end
            if wait > 0 then return wait end
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            redis.call('PEXPIRE', KEYS[1], longest)
            return 0
            """;

    private final UnifiedJedis redis;
    private final Platform limits;
    private final String botKey;
    private final String conversationKeyStart;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sends = new AtomicLong();

    /**
     * @param bot which bot of the platform (Telegram: the bot's numeric id, never the token's secret part); all
     *            instances of one deployment must give the same
     */
    public RedisSendLimits(UnifiedJedis redis, String keyPrefix, Platform limits, String bot) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.limits = Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(bot, "bot");
        this.botKey = keyPrefix + "limits:{" + limits.platform() + ":" + bot + "}";
        this.conversationKeyStart = keyPrefix + "limits:{" + limits.platform() + ":" + bot + ":";
    }

    @Override
    public Duration take(String conversation) {
        String member = instance + ":" + sends.incrementAndGet();
        String conversationKey = conversationKeyStart + conversation + "}";
        long wait = take(conversationKey, member, limits.of(conversation));
        if (wait > 0) {
            return Duration.ofMillis(wait);
        }
        wait = take(botKey, member, limits.perBot());
        if (wait > 0) {
            redis.zrem(conversationKey, member);
            return Duration.ofMillis(wait);
        }
        return Duration.ZERO;
    }

    private long take(String key, String member, List<Rate> rates) {
        if (rates.isEmpty()) {
            return 0;
        }
        List<String> args = new ArrayList<>(1 + 2 * rates.size());
        args.add(member);
        for (Rate rate : rates) {
            args.add(Integer.toString(rate.count()));
            args.add(Long.toString(rate.window().plus(limits.margin()).toMillis()));
        }
        return (Long) redis.eval(TAKE, List.of(key), args);
    }
}
