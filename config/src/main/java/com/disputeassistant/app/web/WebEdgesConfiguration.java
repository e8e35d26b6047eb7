package com.disputeassistant.app.web;

import com.disputeassistant.store.RedisOutage;
import com.disputeassistant.web.WebAdapterConfiguration;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Wires the shared edges of every endpoint; see the package's documentation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpSettings.class)
class WebEdgesConfiguration {

    @Bean
    Refusals refusals(RedisOutage outage, HttpSettings settings) {
        return new Refusals(outage, settings);
    }

    /** Before every other filter (Spring Security's included), for every request however it arrives. */
    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(HttpSettings settings,
            @Value(MAX_EVIDENCE_FILE) String maxEvidenceFile) {
        return guard(settings, DataSize.parse(maxEvidenceFile));
    }

    /** The largest evidence file, which the playground's upload endpoint alone may take as its body. */
    static final String MAX_EVIDENCE_FILE = "${dispute.evidence.max-file-size:20MB}";

    /**
     * The request guard's registration, for this context and the management port's (which may be this very
     * server, so both allow the same): the playground's evidence upload takes a file's raw bytes, up to an
     * evidence file's limit; everything else the general cap.
     */
    static FilterRegistrationBean<RequestGuard> guard(HttpSettings settings, DataSize maxEvidenceFile) {
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard(
                settings.maxBodySize().toBytes(), WebAdapterConfiguration.EVIDENCE_UPLOAD, maxEvidenceFile.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Tomcat's own error answers in JSON, and its form size limit (the forms it decodes itself: the console's
     * sign-in and buttons) the same as every other body's.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatEdges(HttpSettings settings) {
        return tomcat(settings);
    }

    /** Tomcat's part of the edges, for this context's server and the management port's. */
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcat(HttpSettings settings) {
        int maxForm = (int) Math.min(Integer.MAX_VALUE, settings.maxBodySize().toBytes());
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(maxForm));
            // When the context starts, every customizer has run and the host has its valves: replace the
            // error report ones then.
            factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    JsonErrorValve.install((Host) context.getParent());
                }
            }));
        };
    }
}
