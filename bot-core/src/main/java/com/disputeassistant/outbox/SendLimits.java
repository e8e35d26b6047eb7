package com.disputeassistant.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Port to a platform's send limits as all instances share them: asked by an {@link OutboxSender} right before
 * each call to the platform. Unlike {@link SendPacing}, which paces one instance, an implementation counts the
 * sends of every instance (see {@link RedisSendLimits}), so that N instances together stay within the limits.
 */
@FunctionalInterface
public interface SendLimits {

    /** No shared limits: each instance is paced only by its own {@link SendPacing}. */
    SendLimits NONE = conversation -> Duration.ZERO;

    /**
     * Takes one send to {@code conversation} if every limit allows it now and returns zero; otherwise takes
     * nothing and returns how long until it may be allowed (an estimate: ask again then).
     */
    Duration take(String conversation);

    /**
     * At most {@code count} sends in any window of {@code window}.
     *
     * @param count  how many sends the window holds, at least one
     * @param window its length, at least a millisecond
     */
    record Rate(int count, Duration window) {
        public Rate {
            Objects.requireNonNull(window, "window");
            if (count < 1 || window.toMillis() < 1) {
                throw new IllegalArgumentException("a rate allows at least one send in a window of at least 1 ms");
            }
        }

        public static Rate perSecond(int count) {
            return new Rate(count, Duration.ofSeconds(1));
        }

        public static Rate perMinute(int count) {
            return new Rate(count, Duration.ofMinutes(1));
        }
    }

    /**
     * A platform's limits: for the whole bot, for one conversation, and for a group conversation on top.
     *
     * @param platform   a short name for the keys ({@code tg}, {@code slack})
     * @param perBot     the bot's limits across all conversations
     * @param perChat    each conversation's limits
     * @param perGroup   a group conversation's extra limits (Telegram's 20 per minute)
     * @param groupStart how a group conversation's name starts ({@code -} for Telegram's negative chat ids);
     *                   empty when the platform has no such distinction
     * @param margin     how much longer than the platform's each window is counted: a send is counted when it
     *                   is taken, the platform counts it when it arrives, and the time in between varies (a slow
     *                   connection, a pause of the process), which can bring sends closer together on arrival
     */
    record Platform(String platform, List<Rate> perBot, List<Rate> perChat, List<Rate> perGroup, String groupStart,
                    Duration margin) {
        /** The margin of the platforms' own limits: covers the noise measured on a busy test machine. */
        public static final Duration MARGIN = Duration.ofMillis(250);

        public Platform {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(margin, "margin");
            perBot = List.copyOf(perBot);
            perChat = List.copyOf(perChat);
            perGroup = List.copyOf(perGroup);
            Objects.requireNonNull(groupStart, "groupStart");
        }

        /** Telegram's: 30 messages per second per bot, one per second per chat, 20 per minute per group. */
        public static Platform telegram() {
            return new Platform("tg", List.of(Rate.perSecond(30)), List.of(Rate.perSecond(1)),
                    List.of(Rate.perMinute(20)), "-", MARGIN);
        }

        /**
         * Slack's chat.postMessage: one message per {@code perChannel} to each channel (Slack allows about one a
         * second; zero for no limit per channel); the workspace allows short bursts beyond that, capped here at
         * 20 per second, as {@link SendPacing#slack()} does for one instance.
         */
        public static Platform slack(Duration perChannel) {
            List<Rate> perChat = perChannel.toMillis() < 1 ? List.of() : List.of(new Rate(1, perChannel));
            return new Platform("slack", List.of(Rate.perSecond(20)), perChat, List.of(), "", MARGIN);
        }

        /** The limits of one conversation: its own and, for a group, the group's too. */
        List<Rate> of(String conversation) {
            if (groupStart.isEmpty() || !conversation.startsWith(groupStart) || perGroup.isEmpty()) {
                return perChat;
            }
            List<Rate> all = new ArrayList<>(perChat);
            all.addAll(perGroup);
            return all;
        }
    }
}
