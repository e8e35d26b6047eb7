package com.disputeassistant.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * When the parts of the channel are on: the channel at all when a bot token is set, then webhook mode
 * when a webhook URL is set and long polling otherwise, and the mediators' room when its chat is set. Read from the environment directly, before the
 * settings are bound, which is what a condition can see.
 */
public final class TelegramConditions {
    static final String TOKEN = "dispute.telegram.bot-token";
    static final String WEBHOOK_URL = "dispute.telegram.webhook-url";
    static final String MEDIATORS_CHAT = "dispute.telegram.mediators-chat";

    private TelegramConditions() {
    }

    /** Whether a property has text, or has none. */
    private abstract static class PropertySet implements Condition {
        private final String property;
        private final boolean wanted;

        PropertySet(String property, boolean wanted) {
            this.property = property;
            this.wanted = wanted;
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(property)) == wanted;
        }
    }

    /** A bot token is set. */
    public static final class On extends PropertySet {
        public On() {
            super(TOKEN, true);
        }
    }

    /** No bot token: the channel stays off. */
    public static final class Off extends PropertySet {
        public Off() {
            super(TOKEN, false);
        }
    }

    /** A webhook URL is set: updates come to the webhook endpoint. */
    public static final class Webhook extends PropertySet {
        public Webhook() {
            super(WEBHOOK_URL, true);
        }
    }

    /** No webhook URL: this instance long-polls. */
    public static final class Polling extends PropertySet {
        public Polling() {
            super(WEBHOOK_URL, false);
        }
    }

    /** A mediators' room is set: mediators work in that group. */
    public static final class MediatorsRoom extends PropertySet {
        public MediatorsRoom() {
            super(MEDIATORS_CHAT, true);
        }
    }
}
