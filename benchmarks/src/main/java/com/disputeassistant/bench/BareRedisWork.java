package com.disputeassistant.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis I/O of one engine message without the engine: as many round trips as the engine makes per
 * message on average (a fraction is spread over messages, so 4.25 is one 5 in every four), all reads of
 * the lane's hash but the last, which writes a value as large as a dispute's JSON. What is left of the
 * engine's time beyond this is its own cost: the state machine, JSON, Lua and the prompts.
 */
final class BareRedisWork implements Work {
    private final UnifiedJedis redis;
    private final String prefix;
    private final double roundTripsPerMessage;
    private final String payload;
    private final AtomicLong messages = new AtomicLong();

    BareRedisWork(UnifiedJedis redis, String prefix, double roundTripsPerMessage, int payloadBytes) {
        this.redis = redis;
        this.prefix = prefix;
        this.roundTripsPerMessage = roundTripsPerMessage;
        this.payload = "x".repeat(Math.max(1, payloadBytes));
    }

    /** How many round trips message number {@code m} makes, so that the first n make n times the average. */
    static int roundTripsOf(long m, double average) {
        return (int) (Math.floor((m + 1) * average) - Math.floor(m * average));
    }

    @Override
    public void send(Lane lane) {
        int calls = roundTripsOf(messages.getAndIncrement(), roundTripsPerMessage);
        String key = prefix + "bare:{" + lane.number + "}";
        for (int i = 1; i < calls; i++) {
            redis.hmget(key, "version", "json");
        }
        if (calls > 0) {
            redis.hset(key, Map.of("version", Integer.toString(lane.position()), "json", payload));
        }
    }
}
