package com.disputeassistant.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the playground is on. Whoever reaches the playground can act as anyone, a mediator included,
 * so it belongs on a developer's own machine only: on by default exactly when the application runs its
 * embedded Redis ({@code dispute.redis.url} blank, the README's first command), otherwise off unless
 * {@code dispute.playground.enabled=true}. When it is off, none of its pages or endpoints exist (404).
 */
record Playground(boolean on, String why) {
    static final String ENABLED = "dispute.playground.enabled";
    static final String REDIS_URL = "dispute.redis.url";

    static Playground of(Environment environment) {
        String enabled = environment.getProperty(ENABLED, "").strip();
        if (!enabled.isEmpty()) {
            boolean on = Boolean.parseBoolean(enabled);
            return new Playground(on, ENABLED + "=" + on);
        }
        if (environment.getProperty(REDIS_URL, "").isBlank()) {
            return new Playground(true, "the app runs its embedded Redis (a developer's machine); "
                    + "set " + ENABLED + "=false to turn it off");
        }
        return new Playground(false, "REDIS_URL is set (a deployment); set " + ENABLED
                + "=true to turn it on where only you reach the app");
    }

    /** The log line at start. */
    String describe() {
        return on ? "The playground is ON at / (anyone who reaches it can act as anyone): " + why
                : "The playground is off, its pages and endpoints answer 404: " + why;
    }

    /** Puts a bean or configuration in the context only while the playground is on. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Conditional(IsOn.class)
    @interface OnlyWhenOn {
    }

    static final class IsOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context.getEnvironment()).on();
        }
    }
}
