package com.disputeassistant.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * A pooled Redis client, like the app's, that counts its round trips: every command borrows a connection
 * once, so counting the borrows counts the calls, and the command each borrow is for gives their shape.
 * The engine's cost per message in round trips is read from it, and the bare-Redis baseline is made to do
 * as many of the same commands.
 */
final class CountingRedis extends UnifiedJedis {
    private final CountingProvider provider;

    private CountingRedis(CountingProvider provider) {
        super(provider, (RedisProtocol) null);
        this.provider = provider;
    }

    /** A client for the URL with a pool of {@code poolSize} connections, one per driver thread. */
    static CountingRedis connect(String url, int poolSize) {
        URI uri = URI.create(url);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri));
        if (JedisURIHelper.getPassword(uri) != null) {
            config.user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri));
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        return new CountingRedis(new CountingProvider(new HostAndPort(uri.getHost(), port), config.build(), pool));
    }

    /** Round trips made so far by every thread. */
    long roundTrips() {
        return provider.borrows.sum();
    }

    /** Round trips made so far by command name (EVALSHA, GET, ...): the shape the bare baseline copies. */
    Map<String, Long> callsByCommand() {
        Map<String, Long> calls = new TreeMap<>();
        provider.commands.forEach((command, count) -> calls.put(command, count.sum()));
        return calls;
    }

    private static final class CountingProvider extends PooledConnectionProvider {
        private final LongAdder borrows = new LongAdder();
        private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

        CountingProvider(HostAndPort address, DefaultJedisClientConfig config, GenericObjectPoolConfig<Connection> pool) {
            super(address, config, pool);
        }

        @Override
        public Connection getConnection() {
            borrows.increment();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(CommandArguments args) {
            borrows.increment();
            commands.computeIfAbsent(new String(args.getCommand().getRaw(), StandardCharsets.US_ASCII),
                    command -> new LongAdder()).increment();
            return super.getConnection(args);
        }
    }
}
