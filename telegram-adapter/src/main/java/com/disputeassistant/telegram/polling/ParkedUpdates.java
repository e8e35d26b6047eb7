package com.disputeassistant.telegram.polling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.Update;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/**
 * Updates that kept failing, kept in the Redis stream {@code <prefix>telegram:updates:parked} with the
 * error, so that skipping one to let the others through loses nothing: a person can read it there and
 * act on it.
 */
final class ParkedUpdates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnifiedJedis redis;
    private final String key;
    private final Clock clock;

    ParkedUpdates(UnifiedJedis redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.key = keyPrefix + "telegram:updates:parked";
        this.clock = clock;
    }

    void park(Update update, Exception failure) {
        String json;
        try {
            json = JSON.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            json = String.valueOf(update);
        }
        redis.xadd(key, StreamEntryID.NEW_ENTRY, Map.of(
                "updateId", String.valueOf(update.getUpdateId()),
                "update", json,
                "error", String.valueOf(failure),
                "parkedAt", clock.instant().toString()));
    }

    long count() {
        return redis.xlen(key);
    }
}
