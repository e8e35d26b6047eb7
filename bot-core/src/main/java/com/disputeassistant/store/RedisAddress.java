package com.disputeassistant.store;

import java.util.List;
import redis.clients.jedis.HostAndPort;

/**
 * Where the app's Redis is, read from one URL: a single server, a Sentinel group that names the master, or a
 * Cluster. {@link RedisConnections#open} connects to it.
 *
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/database]}, {@code rediss://} for TLS; port 6379;</li>
 *   <li>{@code redis-sentinel://[[user]:password@]host[:port][,host[:port]...]/master[/database]
 *       [?sentinel-user=...&sentinel-password=...]}, {@code rediss-sentinel://} for TLS; the user and password
 *       before the hosts are the master's, the sentinels' are parameters; port 26379;</li>
 *   <li>{@code redis-cluster://[[user]:password@]host[:port][,host[:port]...]}, {@code rediss-cluster://} for
 *       TLS; port 6379; a cluster has database 0 only.</li>
 * </ul>
 * Special characters in a user or password are %-encoded. No message about a URL repeats its password.
 */
public sealed interface RedisAddress permits RedisAddress.Single, RedisAddress.Sentinel, RedisAddress.Cluster {

    /** Which kind of Redis and where, without user or password: for logs and the health endpoint. */
    String location();

    /** Whether connections use TLS. */
    boolean tls();

    /**
     * The address a URL names.
     *
     * @throws IllegalArgumentException saying everything that is wrong with it, never repeating the password
     */
    static RedisAddress parse(String url) {
        return new RedisUrlParser(url).parse();
    }

    /** A user (null: the default user) and a password (null: none); the password never shows in {@code toString}. */
    record Credentials(String user, String password) {
        static final Credentials NONE = new Credentials(null, null);

        @Override
        public String toString() {
            return "Credentials[user=" + user + (password == null ? "" : ", password=***") + "]";
        }
    }

    /** One server. */
    record Single(HostAndPort node, int database, Credentials credentials, boolean tls) implements RedisAddress {
        @Override
        public String location() {
            return (tls ? "rediss://" : "redis://") + RedisUrlParser.join(List.of(node)) + "/" + database;
        }
    }

    /** A master found through its sentinels, followed to a new master after a failover. */
    record Sentinel(String masterName, List<HostAndPort> sentinels, int database, Credentials master,
                    Credentials sentinel, boolean tls) implements RedisAddress {
        public Sentinel {
            sentinels = List.copyOf(sentinels);
        }

        @Override
        public String location() {
            return (tls ? "rediss-sentinel://" : "redis-sentinel://") + RedisUrlParser.join(sentinels) + "/" + masterName
                    + "/" + database;
        }
    }

    /** A Redis Cluster, found through any of its nodes. */
    record Cluster(List<HostAndPort> nodes, Credentials credentials, boolean tls) implements RedisAddress {
        public Cluster {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String location() {
            return (tls ? "rediss-cluster://" : "redis-cluster://") + RedisUrlParser.join(nodes);
        }
    }
}
