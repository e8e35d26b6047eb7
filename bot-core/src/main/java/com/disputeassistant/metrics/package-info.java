/**
 * What operators see of the bot: the dispute meters that need Redis ({@link com.disputeassistant.metrics.DisputeGauges}),
 * read through {@link com.disputeassistant.metrics.CachedReading} at most every few seconds per instance, never
 * per scrape or per message. The meters of one feature (turns, the outbox, the timers) live with that feature;
 * everything is registered on a Micrometer {@code MeterRegistry} the application passes in (Prometheus in the
 * running app, a simple or no registry in tests and benchmarks). README.md, "Operating it", lists every meter.
 */
package com.disputeassistant.metrics;
