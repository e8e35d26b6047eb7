/**
 * Which Redis the application uses and its lifecycle: the server named by {@code REDIS_URL}, or, when
 * that is unset, an embedded Redis the app starts itself with its data in a local directory. Also the
 * Redis client, the Redis-backed dispute store and the Redis health indicator.
 */
package com.disputeassistant.app.redis;
