/**
 * Test support that every module reuses through bot-core's test-jar: a real Redis for integration tests
 * ({@link com.disputeassistant.testing.RedisTestSupport}) and sample orders and disputes
 * ({@link com.disputeassistant.testing.TestDisputes}), and kept evidence for a channel's sender
 * ({@link com.disputeassistant.testing.TestEvidence}).
 */
package com.disputeassistant.testing;
