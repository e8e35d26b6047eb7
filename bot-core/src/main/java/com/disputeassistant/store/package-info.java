/**
 * Where disputes live between messages. {@link com.disputeassistant.store.DisputeStore} is the port;
 * {@link com.disputeassistant.store.RedisDisputeStore} keeps them in Redis and applies every step with
 * one atomic, version-checked write, and {@link com.disputeassistant.store.RedisConnections} opens the
 * connection to Redis from a URL.
 */
package com.disputeassistant.store;
