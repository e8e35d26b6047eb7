/**
 * What the meters of every feature share: {@link com.disputeassistant.metrics.CachedReading}, through which a
 * gauge that needs Redis (the store's dispute counts, the outbox backlog) reads it at most every few seconds
 * per instance, never per scrape or per message. The meters of one feature (turns, the outbox, the timers,
 * the store's {@code DisputeGauges}) live with that feature, so this package depends on none of them;
 * everything is registered on a Micrometer {@code MeterRegistry} the application passes in (Prometheus in the
 * running app, a simple or no registry in tests and benchmarks). README.md, "Operating it", lists every meter.
 */
package com.disputeassistant.metrics;
