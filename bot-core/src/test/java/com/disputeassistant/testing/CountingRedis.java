package com.disputeassistant.testing;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * A Redis client over one connection that counts its round trips (every command is one), for a test that
 * pins how many a message costs. For one thread at a time.
 */
public final class CountingRedis extends UnifiedJedis {
    private final AtomicLong commands;

    private CountingRedis(Connection connection, AtomicLong commands) {
        super(connection);
        this.commands = commands;
    }

    /** A counting client of the test Redis ({@link RedisTestSupport#redisUrl()}). */
    public static CountingRedis connect() {
        URI uri = URI.create(RedisTestSupport.redisUrl());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .database(JedisURIHelper.getDBIndex(uri));
        if (JedisURIHelper.getPassword(uri) != null) {
            config.user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri));
        }
        AtomicLong commands = new AtomicLong();
        Connection connection = new Connection(new HostAndPort(uri.getHost(), uri.getPort()), config.build()) {
            @Override
            public <T> T executeCommand(CommandObject<T> command) {
                commands.incrementAndGet();
                return super.executeCommand(command);
            }
        };
        return new CountingRedis(connection, commands);
    }

    /** Round trips made so far. */
    public long roundTrips() {
        return commands.get();
    }
}
