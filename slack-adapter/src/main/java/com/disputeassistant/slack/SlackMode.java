package com.disputeassistant.slack;

import java.util.function.Predicate;
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
                "", "", null, null));
    }

    /** Matches when the settings ask for one of the wanted modes. */
    private abstract static class When implements Condition {
        private final Predicate<SlackMode> wanted;

        When(Predicate<SlackMode> wanted) {
            this.wanted = wanted;
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return wanted.test(of(context));
        }
    }

    /** The channel is off: no token. */
    static final class Disabled extends When {
        Disabled() {
            super(mode -> mode == DISABLED);
        }
    }

    /** The channel is on, in either mode. */
    static final class Enabled extends When {
        Enabled() {
            super(mode -> mode != DISABLED);
        }
    }

    /** Requests come to {@code /slack/events}. */
    static final class Http extends When {
        Http() {
            super(mode -> mode == HTTP);
        }
    }

    /** Requests come over a Socket Mode WebSocket. */
    static final class Socket extends When {
        Socket() {
            super(mode -> mode == SOCKET);
        }
    }

    /** The channel is on and has a mediators' room ({@code dispute.slack.mediators-channel}). */
    static final class MediatorsRoom implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context) != DISABLED && !Binder.get(context.getEnvironment())
                    .bind("dispute.slack.mediators-channel", String.class).orElse("").isBlank();
        }
    }
}
