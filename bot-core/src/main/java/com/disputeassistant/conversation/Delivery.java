package com.disputeassistant.conversation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each outbound message to the channel its address names, so one turn can reach a client on
 * Telegram and an expert on Slack.
 */
public final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final Map<String, Channel> channels;

    public Delivery(List<Channel> channels) {
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));
    }

    public void deliver(List<OutboundMessage> messages) {
        for (OutboundMessage message : messages) {
            Channel channel = channels.get(message.to().channel());
            if (channel == null) {
                // A person reachable only on a channel this instance does not run (e.g. Slack without a
                // token): the message stays in the dispute's transcript, so nothing is lost, but say so.
                log.warn("No channel '{}' is enabled; message to {} kept only in the transcript",
                        message.to().channel(), message.to().identity());
                continue;
            }
            channel.deliver(message);
        }
    }
}
