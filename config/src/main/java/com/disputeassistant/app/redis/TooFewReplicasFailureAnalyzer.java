package com.disputeassistant.app.redis;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Says what to do when the start's first writes (the marketplace file, for one) were not confirmed by as
 * many replicas as {@code dispute.redis.wait-replicas} asks for: without this, Boot reports a bean that
 * could not be created, with Redis's answer somewhere in a stack trace.
 */
class TooFewReplicasFailureAnalyzer extends AbstractFailureAnalyzer<JedisDataException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, JedisDataException cause) {
        String answer = cause.getMessage();
        if (answer == null || !answer.startsWith("NOREPLICAS")) {
            return null;
        }
        return new FailureAnalysis("Redis did not confirm the start's writes on enough replicas: "
                + answer.substring("NOREPLICAS".length()).strip() + ".",
                "Start the replicas (or wait until they are in sync with the master: INFO replication shows them as "
                        + "online), or lower dispute.redis.wait-replicas (DISPUTE_REDIS_WAITREPLICAS; 0 waits for "
                        + "none). README.md, \"Redis Sentinel and Redis Cluster\".", cause);
    }
}
