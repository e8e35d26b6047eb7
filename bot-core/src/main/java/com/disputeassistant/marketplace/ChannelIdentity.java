package com.disputeassistant.marketplace;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a person is on one channel: {@code telegram:123}, {@code slack:T1/U2}, {@code web:alice}.
 * The channel name is the routing key: an outbound message goes to the channel its identity names.
 */
public record ChannelIdentity(String channel, String id) {
    public ChannelIdentity {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        if (channel.isBlank() || id.isBlank() || channel.contains(":")) {
            throw new IllegalArgumentException("a channel identity needs a channel and an id, like web:alice");
        }
    }

    /** Parses {@code channel:id}; empty when the text has no channel or no id. */
    public static Optional<ChannelIdentity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String channel = text.substring(0, colon).trim();
        String id = text.substring(colon + 1).trim();
        if (channel.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChannelIdentity(channel, id));
    }

    /** Like {@link #parse} but for trusted text such as configuration. */
    public static ChannelIdentity of(String text) {
        return parse(text).orElseThrow(
                () -> new IllegalArgumentException("not a channel identity (channel:id): " + text));
    }

    @Override
    public String toString() {
        return channel + ":" + id;
    }
}
