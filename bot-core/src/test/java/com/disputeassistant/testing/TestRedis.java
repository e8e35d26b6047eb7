package com.disputeassistant.testing;

import com.disputeassistant.store.RedisConnections;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;

/**
 * The test Redis ({@link RedisTestSupport#redisUrl()}) for one test class: one connection for the class,
 * a key prefix of its own for each test, and every key under that prefix deleted after the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestRedis redis = new TestRedis();
 * ... new RedisDisputeStore(redis.client(), redis.prefix(), clock)
 * }</pre>
 */
public final class TestRedis implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private RedisClient client;
    private String prefix;

    /** The class's connection, opened on first use. */
    public synchronized RedisClient client() {
        if (client == null) {
            client = RedisConnections.connect(RedisTestSupport.redisUrl());
        }
        return client;
    }

    /** The current test's key prefix. */
    public String prefix() {
        if (prefix == null) {
            throw new IllegalStateException("a prefix exists only while a test runs; register TestRedis "
                    + "with @RegisterExtension on a static field");
        }
        return prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        prefix = RedisTestSupport.uniquePrefix();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RedisTestSupport.deleteKeys(client(), prefix);
        prefix = null;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
