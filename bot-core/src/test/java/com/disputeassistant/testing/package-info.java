/**
 * Test support that every module reuses through bot-core's test-jar: a real Redis for integration tests
 * ({@link com.disputeassistant.testing.RedisTestSupport}) and sample orders and disputes
 * ({@link com.disputeassistant.testing.TestDisputes}).
 */
package com.disputeassistant.testing;
