package com.disputeassistant.app.operations;

import com.disputeassistant.store.DisputeGauges;
import com.disputeassistant.store.DisputeStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the dispute gauges; the meters of turns, outboxes and timers are registered by their owners,
 * which get the same registry.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** Reads Redis when Prometheus scrapes, at most once per {@code dispute.metrics.counts-max-age} per instance. */
    @Bean
    DisputeGauges disputeGauges(MeterRegistry meters, DisputeStore store, Clock clock,
                                @Value("${dispute.metrics.counts-max-age:10s}") Duration maxAge) {
        return DisputeGauges.register(meters, store, clock, maxAge);
    }
}
