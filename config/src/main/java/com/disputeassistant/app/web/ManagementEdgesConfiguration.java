package com.disputeassistant.app.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * The same edges on the management port, which runs in a context of its own (listed in
 * {@code META-INF/spring/...ManagementContextConfiguration.imports}): the request guard and Tomcat's JSON
 * errors. {@link HttpSettings} come from the application's context, the parent.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementEdgesConfiguration {

    @Bean
    FilterRegistrationBean<RequestGuard> managementRequestGuard(HttpSettings settings,
            @Value(WebEdgesConfiguration.MAX_EVIDENCE_FILE) String maxEvidenceFile) {
        // Parsed here: the management port's own context converts no sizes.
        return WebEdgesConfiguration.guard(settings, DataSize.parse(maxEvidenceFile));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementTomcatEdges(HttpSettings settings) {
        return WebEdgesConfiguration.tomcat(settings);
    }
}
