package com.disputeassistant.web.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the console's pages say, from its own bundle ({@code console.properties} beside this class), so
 * that a translation is one more file. The pages read it as {@code #{key}}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleTexts {
    static final String BUNDLE = "com/disputeassistant/web/console/console";

    /** Spring Boot makes one only for a {@code messages.properties} at the root, which this application has not. */
    @Bean
    @ConditionalOnMissingBean(name = "messageSource")
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BUNDLE);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
