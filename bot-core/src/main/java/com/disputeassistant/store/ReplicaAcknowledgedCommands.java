package com.disputeassistant.store;

import java.util.Set;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.providers.ConnectionProvider;

/**
 * Runs each command on a connection of the pool, as Jedis' default executor does, and after every script
 * ({@code EVALSHA}, {@code EVAL}: every commit of a turn is one) asks Redis to {@code WAIT} on the same
 * connection until enough replicas have the script's writes. WAIT counts what this connection wrote, which is
 * why it cannot be sent on another one. Too few replicas in time: the request fails as Redis trouble
 * ({@code NOREPLICAS}, answered 503), though the master keeps the write; the caller's retry carries the same
 * delivery id and so applies nothing twice.
 *
 * <p>A script that only reads pays one round trip: WAIT answers at once when the connection's last write
 * already reached the replicas.
 */
final class ReplicaAcknowledgedCommands implements CommandExecutor {
    private static final Set<ProtocolCommand> SCRIPTS = Set.of(Protocol.Command.EVALSHA, Protocol.Command.EVAL);

    private final ConnectionProvider provider;
    private final ReplicaWait wait;
    private final CommandObject<Long> waitCommand;

    ReplicaAcknowledgedCommands(ConnectionProvider provider, ReplicaWait wait) {
        this.provider = provider;
        this.wait = wait;
        this.waitCommand = new CommandObject<>(new CommandArguments(Protocol.Command.WAIT).add(wait.replicas())
                .add(wait.timeout().toMillis()), BuilderFactory.LONG);
    }

    @Override
    public <T> T executeCommand(CommandObject<T> command) {
        try (Connection connection = provider.getConnection(command.getArguments())) {
            T result = connection.executeCommand(command);
            if (SCRIPTS.contains(command.getArguments().getCommand())) {
                long acknowledged = connection.executeCommand(waitCommand);
                if (acknowledged < wait.replicas()) {
                    throw new JedisDataException("NOREPLICAS the write reached " + acknowledged + " of the "
                            + wait.replicas() + " replicas it waits for within " + wait.timeout().toMillis() + " ms");
                }
            }
            return result;
        }
    }

    @Override
    public void close() {
        try {
            provider.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the Redis connection pool", e);
        }
    }
}
