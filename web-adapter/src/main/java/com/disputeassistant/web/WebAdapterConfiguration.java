package com.disputeassistant.web;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Wires the browser channel into an application: the {@code web} {@link
 * com.disputeassistant.conversation.Channel} (pick it up with the other channels when building the
 * {@link com.disputeassistant.conversation.Delivery}), the JSON endpoints under {@code /api}, and
 * the playground page at {@code /}. The playground's pages and endpoints exist only while it is on
 * (see {@link Playground}); the start-up log says whether it is, and why. The mediator console at
 * {@code /console} ({@link com.disputeassistant.web.console}) comes with it, with its own security chain.
 *
 * <p>Expects in the context: {@code ConversationEngine}, {@code ChatInbound}, {@code Marketplace},
 * {@code DisputeStore}, {@code ProcedureSettings}, {@code EvidenceIntake}, {@code EvidenceFiles} and a Jedis
 * {@code UnifiedJedis}; a {@link Clock}
 * bean if there is one (else the system clock), and the property {@code dispute.redis.key-prefix}
 * (default {@code da:}). Import this class or component-scan its package: either works, and both
 * together do no harm.
 */
@Configuration(proxyBeanMethods = false)
// TypeExcludeFilter, as in @SpringBootApplication, lets test slices leave out what they do not test.
@ComponentScan(basePackageClasses = WebAdapterConfiguration.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class WebAdapterConfiguration {
    /**
     * The playground's upload endpoint: the one that takes a body as large as {@code
     * dispute.evidence.max-file-size}, which the application's request guard allows it (and no other).
     */
    public static final String EVIDENCE_UPLOAD = "/api/evidence";
    private static final Logger log = LoggerFactory.getLogger(WebAdapterConfiguration.class);

    /** Whether the playground is on, said once in the start-up log. */
    @Bean
    Playground playground(Environment environment) {
        Playground playground = Playground.of(environment);
        log.info(playground.describe());
        return playground;
    }

    @Bean
    WebChannel webChannel(UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix,
                          ObjectProvider<Clock> clock) {
        return new WebChannel(redis, keyPrefix, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WebInboxes webInboxes(WebChannel webChannel) {
        return new WebInboxes(webChannel);
    }
}
