package com.disputeassistant.bench;

import com.disputeassistant.store.RedisConnections;
import com.disputeassistant.testing.RedisTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the driver asks Redis about itself, on a connection of its own so these calls never count as the
 * load's round trips: its CPU time, its version, the memory of a key, and the removal of the run's keys.
 */
final class RedisInfo implements AutoCloseable {
    private final UnifiedJedis redis;

    RedisInfo(String url) {
        this.redis = RedisConnections.connect(url);
    }

    /** Redis's own CPU time so far (user plus system), in microseconds. */
    double cpuMicros() {
        String cpu = info("cpu");
        return (field(cpu, "used_cpu_user").orElse(0.0) + field(cpu, "used_cpu_sys").orElse(0.0)) * 1e6;
    }

    /** Memory Redis has allocated for data and overhead (INFO used_memory), in bytes. */
    long usedMemory() {
        return field(info("memory"), "used_memory").orElse(0.0).longValue();
    }

    /** The value's length for a hash field (HSTRLEN). */
    long fieldLength(String key, String field) {
        Object reply = redis.sendCommand(Protocol.Command.HSTRLEN, key, field);
        return reply instanceof Long length ? length : 0;
    }

    /** A hash field's value, null when there is none. */
    String hashField(String key, String field) {
        return redis.hget(key, field);
    }

    /** The count of a sorted set, 0 when there is none. */
    long sortedSetSize(String key) {
        return redis.zcard(key);
    }

    String get(String key) {
        return redis.get(key);
    }

    String version() {
        return info("server").lines().filter(l -> l.startsWith("redis_version:")).findFirst()
                .map(l -> l.substring("redis_version:".length()).strip()).orElse("?");
    }

    /** MEMORY USAGE of the key with every nested value counted (SAMPLES 0); 0 when there is no such key. */
    long memoryUsage(String key) {
        Object reply = redis.sendCommand(Protocol.Command.MEMORY, "USAGE", key, "SAMPLES", "0");
        return reply instanceof Long bytes ? bytes : 0;
    }

    /** Removes every key of the run (the prefix comes from RedisTestSupport.uniquePrefix()). */
    void deleteKeys(String prefix) {
        RedisTestSupport.deleteKeys(redis, prefix);
    }

    private String info(String section) {
        Object reply = redis.sendCommand(Protocol.Command.INFO, section);
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    private static Optional<Double> field(String info, String name) {
        return info.lines().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> Double.parseDouble(l.substring(name.length() + 1).strip()));
    }

    @Override
    public void close() {
        redis.close();
    }
}
