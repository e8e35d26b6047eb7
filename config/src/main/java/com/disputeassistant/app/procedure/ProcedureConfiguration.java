package com.disputeassistant.app.procedure;

import com.disputeassistant.procedure.ProcedureSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The procedure's settings as one bean, checked at startup rather than when a dispute first needs them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcedureProperties.class)
class ProcedureConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ProcedureConfiguration.class);

    @Bean
    ProcedureSettings procedureSettings(ProcedureProperties properties) {
        ProcedureSettings settings = properties.toSettings();
        if (settings.mediators().isEmpty()) {
            log.warn("No mediators are configured (dispute.procedure.mediators): disputes handed to a human "
                    + "will wait in the queue until one is added");
        }
        return settings;
    }
}
