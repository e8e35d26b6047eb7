package com.disputeassistant.evidence;

import com.disputeassistant.dispute.DisputeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence records in Redis, under the dispute's own hash tag so that Redis Cluster keeps them in
 * its slot: {@code P dispute:{ID}:evidence} (a hash: item id to the item's JSON), {@code
 * P dispute:{ID}:evidence:order} (the ids, oldest first) and {@code P dispute:{ID}:evidence:bytes} (the
 * files' total). One script writes all three, so they always agree.
 */
public final class RedisEvidenceRecords implements EvidenceRecords {
    private static final Logger log = LoggerFactory.getLogger(RedisEvidenceRecords.class);
    private static final JsonMapper JSON = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /* Once per id, and only within the total: check and write in one atomic step. */
    private static final String ADD = """
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
            local total = tonumber(redis.call('GET', KEYS[3]) or '0')
            local size = tonumber(ARGV[3])
            if size > 0 and total + size > tonumber(ARGV[4]) then return -1 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('RPUSH', KEYS[2], ARGV[1])
            redis.call('INCRBY', KEYS[3], size)
            return 1
            """;

    private final UnifiedJedis redis;
    private final String keyPrefix;

    public RedisEvidenceRecords(UnifiedJedis redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    @Override
    public Added add(EvidenceItem item, long maxDisputeBytes) {
        Object result = redis.eval(ADD, keys(item.dispute()), List.of(item.id(), JSON.writeValueAsString(item),
                Long.toString(item.size()), Long.toString(maxDisputeBytes)));
        return switch (((Long) result).intValue()) {
            case 1 -> Added.ADDED;
            case 0 -> Added.ALREADY;
            default -> Added.OVER_TOTAL;
        };
    }

    @Override
    public List<EvidenceItem> of(DisputeId dispute) {
        List<String> keys = keys(dispute);
        List<String> ids = redis.lrange(keys.get(1), 0, -1);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = redis.hmget(keys.get(0), ids.toArray(String[]::new));
        List<EvidenceItem> items = new ArrayList<>(values.size());
        for (String json : values) {
            parse(json).ifPresent(items::add);
        }
        return items;
    }

    @Override
    public Optional<EvidenceItem> find(DisputeId dispute, String id) {
        return parse(redis.hget(keys(dispute).get(0), id));
    }

    @Override
    public long totalBytes(DisputeId dispute) {
        String total = redis.get(keys(dispute).get(2));
        return total == null ? 0 : Long.parseLong(total);
    }

    private static Optional<EvidenceItem> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, EvidenceItem.class));
        } catch (JacksonException | IllegalArgumentException e) {
            // Only this class writes these keys: a broken record was edited by hand. Skip it, and say so.
            log.warn("Skipping an unreadable evidence record: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private List<String> keys(DisputeId dispute) {
        String base = keyPrefix + "dispute:{" + dispute.value() + "}:evidence";
        return List.of(base, base + ":order", base + ":bytes");
    }
}
