package com.disputeassistant.bench;

import com.disputeassistant.bench.DisputeScript.Line;
import com.disputeassistant.bench.DisputeScript.Side;
import com.disputeassistant.conversation.InboundMessage;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One order's client and expert going through the dispute script, one message at a time, again and again:
 * when a dispute closes, the client opens the next one on the same order, so the number of open disputes
 * stays put. Only one thread uses a lane at a time (the driver hands lanes over through a queue).
 */
final class Lane {
    /** Enough to find a button in what a person was sent lately; older messages' buttons are stale anyway. */
    private static final int REMEMBERED = 8;

    final int number;
    private final List<Line> script;
    private final ChannelIdentity client;
    private final ChannelIdentity expert;
    private final Deque<OutboundMessage> toClient = new ArrayDeque<>();
    private final Deque<OutboundMessage> toExpert = new ArrayDeque<>();
    private int position;
    private long closed;

    Lane(int number, List<Line> script) {
        this.number = number;
        this.script = script;
        this.client = SyntheticMarketplace.client(number);
        this.expert = SyntheticMarketplace.expert(number);
    }

    /** The next message of the script, as a platform delivers it (with its delivery id). */
    InboundMessage next(String deliveryId) {
        Line line = script.get(position);
        ChannelIdentity from = line.side() == Side.CLIENT ? client : expert;
        InboundMessage message = line.isPress()
                ? InboundMessage.option(Address.of(from), optionId(line))
                : InboundMessage.text(Address.of(from), line.text());
        return message.withDeliveryId(deliveryId);
    }

    /** Takes in the engine's answer to {@link #next}, and moves on; after the last line, starts over. */
    void answered(List<OutboundMessage> answer) {
        for (OutboundMessage message : answer) {
            ChannelIdentity to = message.to().identity();
            Deque<OutboundMessage> inbox = to.equals(client) ? toClient : to.equals(expert) ? toExpert : null;
            if (inbox != null) {
                inbox.addFirst(message);
                if (inbox.size() > REMEMBERED) {
                    inbox.removeLast();
                }
            }
        }
        position++;
        if (position == script.size()) {
            position = 0;
            closed++;
            toClient.clear();
            toExpert.clear();
        }
    }

    /** Disputes this lane took to the end of the script. */
    long closedDisputes() {
        return closed;
    }

    int position() {
        return position;
    }

    private String optionId(Line line) {
        Deque<OutboundMessage> inbox = line.side() == Side.CLIENT ? toClient : toExpert;
        for (OutboundMessage message : inbox) {
            for (ReplyOption option : message.options()) {
                if (option.label().startsWith(line.press())) {
                    return option.id();
                }
            }
        }
        throw new IllegalStateException("lane " + number + ", line " + position + ": " + line.side()
                + " was not offered '" + line.press() + "'; last message: "
                + (inbox.isEmpty() ? "(none)" : inbox.peekFirst().text()));
    }
}
