/**
 * The benchmarks behind BENCHMARKS.md: a load driver that runs whole disputes through the real engine and
 * Redis (and the same Redis round trips without the engine), the growth and memory figures, the channels
 * end to end against fake Slack and Telegram servers, and the start-up time. Run by {@code bench/run.sh}.
 */
package com.disputeassistant.bench;
