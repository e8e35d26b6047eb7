package com.disputeassistant.slack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Which of the channel's three states the settings ask for: off, HTTP mode or Socket Mode. */
enum SlackMode {
    DISABLED, HTTP, SOCKET;

    static SlackMode of(SlackSettings settings) {
        return !settings.enabled() ? DISABLED : settings.socketMode() ? SOCKET : HTTP;
    }

    private static SlackMode of(ConditionContext context) {
        Binder binder = Binder.get(context.getEnvironment());
        return of(new SlackSettings(
                binder.bind("dispute.slack.bot-token", String.class).orElse(""),
                binder.bind("dispute.slack.app-token", String.class).orElse(""),
                "", "", null));
    }

    /** The channel is off: no token. */
    static final class Disabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context) == DISABLED;
        }
    }

    /** The channel is on, in either mode. */
    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context) != DISABLED;
        }
    }

    /** Requests come to {@code /slack/events}. */
    static final class Http implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context) == HTTP;
        }
    }

    /** Requests come over a Socket Mode WebSocket. */
    static final class Socket implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context) == SOCKET;
        }
    }
}
