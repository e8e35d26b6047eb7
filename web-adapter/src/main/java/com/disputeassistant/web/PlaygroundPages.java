package com.disputeassistant.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The playground's page, script and styles, served at {@code /} only while the playground is on. They
 * live outside {@code static/} so that nothing serves them when it is off.
 */
@Configuration(proxyBeanMethods = false)
@Playground.OnlyWhenOn
class PlaygroundPages implements WebMvcConfigurer {
    static final String[] FILES = {"index.html", "playground.js", "playground.css"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String file : FILES) {
            registry.addResourceHandler("/" + file).addResourceLocations("classpath:/playground/");
        }
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:index.html");
    }
}
