package com.disputeassistant.store;

import com.disputeassistant.store.RedisAddress.Cluster;
import com.disputeassistant.store.RedisAddress.Credentials;
import com.disputeassistant.store.RedisAddress.Sentinel;
import com.disputeassistant.store.RedisAddress.Single;
import java.util.LinkedHashSet;
import java.util.function.Supplier;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.builders.AbstractClientBuilder;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * Opens the app's connection pool to Redis from its {@link RedisAddress}: a single server, a Sentinel
 * group (the pool follows the master the sentinels name, so a failover needs no restart) or a Cluster. The
 * rest of the app depends only on {@link UnifiedJedis}, which the three clients share.
 */
public final class RedisConnections {
    /** Jedis' default: a command without an answer for this long fails (and the caller answers 503). */
    private static final int SOCKET_TIMEOUT_MILLIS = 2_000;

    private RedisConnections() {
    }

    /**
     * A pooled client for a single server's URL ({@code redis://} or {@code rediss://}), for tools and tests;
     * it connects on first use. The caller closes it.
     *
     * @throws IllegalArgumentException when the URL is not a single server's, saying why
     */
    public static RedisClient connect(String redisUrl) {
        if (!(RedisAddress.parse(redisUrl) instanceof Single single)) {
            throw new IllegalArgumentException("this tool takes a single Redis server's URL (redis:// or rediss://)");
        }
        return RedisClient.builder().hostAndPort(single.node()).clientConfig(config(single.credentials(),
                single.database(), single.tls(), ReplicaWait.NONE)).build();
    }

    /**
     * A pooled client for the address, whose scripts return only once {@code wait} replicas have their writes.
     * The caller closes it.
     *
     * @throws IllegalArgumentException for a wait on a Cluster, which is not supported yet
     */
    public static UnifiedJedis open(RedisAddress address, ReplicaWait wait) {
        if (address instanceof Sentinel sentinel) {
            JedisClientConfig master = config(sentinel.master(), sentinel.database(), sentinel.tls(), wait);
            JedisClientConfig sentinels = config(sentinel.sentinel(), 0, sentinel.tls(), ReplicaWait.NONE);
            var builder = RedisSentinelClient.builder().masterName(sentinel.masterName())
                    .sentinels(new LinkedHashSet<>(sentinel.sentinels())).clientConfig(master)
                    .sentinelClientConfig(sentinels);
            return withWait(builder, () -> new SentineledConnectionProvider(sentinel.masterName(), master,
                    new LinkedHashSet<>(sentinel.sentinels()), sentinels), wait).build();
        }
        if (address instanceof Cluster cluster) {
            if (wait.replicas() > 0) {
                // WAIT answers for the node that took the write; a script per slot makes it meaningful (issue 16).
                throw new IllegalArgumentException("waiting for replicas (dispute.redis.wait-replicas) is not "
                        + "supported with a Redis Cluster yet");
            }
            return RedisClusterClient.builder().nodes(new LinkedHashSet<>(cluster.nodes()))
                    .clientConfig(config(cluster.credentials(), 0, cluster.tls(), wait)).build();
        }
        Single single = (Single) address;
        JedisClientConfig config = config(single.credentials(), single.database(), single.tls(), wait);
        return withWait(RedisClient.builder().hostAndPort(single.node()).clientConfig(config),
                () -> new PooledConnectionProvider(single.node(), config), wait).build();
    }

    /**
     * With a wait, the client runs its commands through {@link ReplicaAcknowledgedCommands} on a provider built
     * here (the builder's own would be hidden from the executor); without one, the builder's defaults.
     */
    private static <B extends AbstractClientBuilder<B, ?>> B withWait(B builder, Supplier<ConnectionProvider> providers,
                                                                       ReplicaWait wait) {
        if (wait.replicas() == 0) {
            return builder;
        }
        ConnectionProvider provider = providers.get();
        return builder.connectionProvider(provider).commandExecutor(new ReplicaAcknowledgedCommands(provider, wait));
    }

    private static JedisClientConfig config(Credentials credentials, int database, boolean tls, ReplicaWait wait) {
        // A WAIT blocks its connection for up to its timeout: the socket must wait longer than that.
        int socketTimeout = (int) (SOCKET_TIMEOUT_MILLIS + wait.timeout().toMillis());
        return DefaultJedisClientConfig.builder().user(credentials.user()).password(credentials.password())
                .database(database).ssl(tls).socketTimeoutMillis(socketTimeout).build();
    }
}
