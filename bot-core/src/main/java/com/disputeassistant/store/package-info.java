/**
 * Where disputes live between messages. {@link com.disputeassistant.store.DisputeStore} is the port;
 * {@link com.disputeassistant.store.RedisDisputeStore} keeps them in Redis and applies every step with
 * one atomic, version-checked write.
 */
package com.disputeassistant.store;
