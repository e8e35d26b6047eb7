package com.disputeassistant.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * When the parts of the channel are on: the channel at all when a bot token is set, then webhook mode
 * when a webhook URL is set and long polling otherwise. Read from the environment directly, before the
 * settings are bound, which is what a condition can see.
 */
public final class TelegramConditions {
    static final String TOKEN = "dispute.telegram.bot-token";
    static final String WEBHOOK_URL = "dispute.telegram.webhook-url";

    private TelegramConditions() {
    }

    private static boolean set(ConditionContext context, String property) {
        return StringUtils.hasText(context.getEnvironment().getProperty(property));
    }

    /** A bot token is set. */
    public static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return set(context, TOKEN);
        }
    }

    /** No bot token: the channel stays off. */
    public static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !set(context, TOKEN);
        }
    }

    /** A webhook URL is set: updates come to the webhook endpoint. */
    public static final class Webhook implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return set(context, WEBHOOK_URL);
        }
    }

    /** No webhook URL: this instance long-polls. */
    public static final class Polling implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !set(context, WEBHOOK_URL);
        }
    }
}
