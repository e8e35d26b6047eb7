package com.disputeassistant.inbound;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.rooms.ChatRoom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The buttons of an outbound message as a channel renders them: each option's label with the opaque
 * token the platform sends back when it is pressed (see {@link ButtonRegistry}), and the numbered text
 * fallback for a client that shows no buttons. Presses come back through {@link ChatInbound}.
 */
public final class ReplyTokens {
    private final ButtonRegistry buttons;

    public ReplyTokens(ButtonRegistry buttons) {
        this.buttons = Objects.requireNonNull(buttons, "buttons");
    }

    /** A button as a channel renders it. */
    public record Button(String label, String token) {
    }

    /**
     * The buttons of a message to one person, {@code extra} (the channel's own, such as Slack's "open the
     * form") first. Unless the message takes free text, its options become the ones the person may pick by
     * typing their number.
     */
    public List<Button> forRecipient(OutboundMessage message, List<ReplyOption> extra) {
        List<ReplyOption> options = withExtra(message, extra);
        ChannelIdentity to = message.to().identity();
        return buttons(options, buttons.register(to, options, !message.takesText()));
    }

    /** The buttons of a message posted in a mediators' room: any mediator may press them. */
    public List<Button> inRoom(ChatRoom room, OutboundMessage message) {
        List<ReplyOption> options = message.options();
        return buttons(options, options.isEmpty() ? List.of() : buttons.register(room.identity(), options));
    }

    private static List<ReplyOption> withExtra(OutboundMessage message, List<ReplyOption> extra) {
        if (extra.isEmpty()) {
            return message.options();
        }
        List<ReplyOption> options = new ArrayList<>(extra);
        options.addAll(message.options());
        return options;
    }

    private static List<Button> buttons(List<ReplyOption> options, List<String> tokens) {
        List<Button> rendered = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            rendered.add(new Button(options.get(i).label(), tokens.get(i)));
        }
        return rendered;
    }

    /**
     * The message as text alone, its buttons as numbered lines: what a client that shows no buttons (a
     * notification, a screen reader, an old client) shows instead. Typing a number picks that option.
     */
    public static String withNumberedOptions(String text, List<Button> buttons) {
        if (buttons.isEmpty()) {
            return text;
        }
        StringBuilder fallback = new StringBuilder(text);
        fallback.append("\n");
        for (int i = 0; i < buttons.size(); i++) {
            fallback.append("\n").append(i + 1).append(". ").append(buttons.get(i).label());
        }
        return fallback.toString();
    }
}
