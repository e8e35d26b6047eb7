package com.disputeassistant.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis I/O of one engine message without the engine: as many calls of each command as the engine
 * made per message in the round before (counted by {@link CountingRedis} while the engine ran; a fraction
 * is spread over messages, so 1.25 is one 2 in every four), on the lane's own keys:
 * <ul>
 *   <li>each {@code EVALSHA} (the engine's scripts) is a script too: all but the message's last read the
 *       lane's hash field as large as a dispute's stored form (HGET), the last also writes it back (HSET of
 *       a value of that size and the version), as the engine's read script and commit do;</li>
 *   <li>{@code GET}, {@code SET} and {@code EXISTS} are that command on the lane's string key ({@code SET}
 *       of a small value, as a delivery-id marker or a focus is);</li>
 *   <li>any other command (a hash or set read) is an {@code HGETALL} of the lane's hash.</li>
 * </ul>
 * What is left of the engine's time beyond this is its own cost: the procedure, the codec, the prompts,
 * and whatever its scripts do beyond one read and one write.
 */
final class BareRedisWork implements Work {
    private static final String SCRIPT = """
            local stored = redis.call('HGET', KEYS[1], 'json')
            if ARGV[1] ~= '' then
              redis.call('HSET', KEYS[1], 'version', ARGV[1], 'json', ARGV[2])
            end
            return stored and #stored or 0""";

    private final UnifiedJedis redis;
    private final String prefix;
    private final Map<String, Double> callsPerMessage;
    private final String payload;
    private final String sha;
    private final AtomicLong messages = new AtomicLong();

    /**
     * @param callsPerMessage the engine's round trips per message by command, as {@link Measurement} counts them
     * @param payloadBytes    the size of the value the last script of a message writes
     */
    BareRedisWork(UnifiedJedis redis, String prefix, Map<String, Double> callsPerMessage, int payloadBytes) {
        this.redis = redis;
        this.prefix = prefix;
        this.callsPerMessage = new TreeMap<>(callsPerMessage);
        this.payload = "x".repeat(Math.max(1, payloadBytes));
        this.sha = redis.scriptLoad(SCRIPT);
    }

    /** How many round trips message number {@code m} makes, so that the first n make n times the average. */
    static int roundTripsOf(long m, double average) {
        return (int) (Math.floor((m + 1) * average) - Math.floor(m * average));
    }

    /** What this baseline does per message, for the report: "EVALSHA 2.00, GET 1.22". */
    String shape() {
        StringBuilder out = new StringBuilder();
        callsPerMessage.forEach((command, count) -> out.append(out.isEmpty() ? "" : ", ").append(command)
                .append(' ').append(Report.decimal(count)));
        return out.toString();
    }

    @Override
    public void send(Lane lane) {
        long m = messages.getAndIncrement();
        String hash = prefix + "bare:{" + lane.number + "}";
        String marker = hash + ":marker";
        int scripts = 0;
        for (Map.Entry<String, Double> command : callsPerMessage.entrySet()) {
            int calls = roundTripsOf(m, command.getValue());
            for (int i = 0; i < calls; i++) {
                switch (command.getKey()) {
                    case "EVALSHA", "EVAL" -> scripts++;
                    case "GET" -> redis.get(marker);
                    case "SET" -> redis.set(marker, "1");
                    case "EXISTS" -> redis.exists(marker);
                    default -> redis.hgetAll(hash);
                }
            }
        }
        // Scripts last, so that the message's last call is the write, as the engine's commit is.
        for (int i = 1; i <= scripts; i++) {
            boolean commit = i == scripts;
            redis.evalsha(sha, List.of(hash), List.of(commit ? Integer.toString(lane.position()) : "",
                    commit ? payload : ""));
        }
    }
}
