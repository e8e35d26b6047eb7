package com.disputeassistant.web;

import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/messages}: who speaks, and either what they wrote or the id of a
 * reply option they picked.
 */
record PostedMessage(String as, String text, String option, String messageId) {
    /**
     * A client's id for one message: the page makes one per message and sends it again with a retry, so
     * that a message sent twice (a timeout, a lost answer) is applied once. Letters, digits, - and _ only.
     */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    static final int MAX_TEXT_LENGTH = 4_000;
    /** Option ids are short by design (they fit Telegram's 64-byte callback data); this only bounds abuse. */
    static final int MAX_OPTION_LENGTH = 200;
    static final String EXAMPLE = "{\"as\":\"web:alice\",\"text\":\"hello\",\"messageId\":\"<your id>\"} or "
            + "{\"as\":\"web:alice\",\"option\":\"<id of a reply option>\",\"messageId\":\"<your id>\"}";

    /**
     * The message as the inbound path takes it (a web identity's conversation is the identity itself);
     * throws {@link BadRequest} with what to send instead.
     */
    ChatEvent toEvent() {
        ChannelIdentity from = WebIdentity.parse(as);
        String deliveryId = deliveryId(from);
        boolean hasText = text != null && !text.isBlank();
        boolean hasOption = option != null;
        if (hasText && hasOption) {
            throw new BadRequest("Send either \"text\" or \"option\", not both: " + EXAMPLE + ".");
        }
        if (!hasText && !hasOption) {
            throw new BadRequest("Send what you say as \"text\", or the id of a reply option you picked as "
                    + "\"option\": " + EXAMPLE + ".");
        }
        if (hasText) {
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new BadRequest("\"text\" is " + text.length() + " characters long; send at most "
                        + MAX_TEXT_LENGTH + " at a time (split it into several messages).");
            }
            return ChatEvent.Text.direct(from, from.id(), text, deliveryId);
        }
        if (option.isBlank() || option.length() > MAX_OPTION_LENGTH) {
            throw new BadRequest("\"option\" must be the id of a reply option you were offered "
                    + "(the \"id\" of one of a message's \"options\").");
        }
        return new ChatEvent.Choice(from, from.id(), option, deliveryId);
    }

    /**
     * The delivery id of a message with a client's id: the sender's identity is part of it, so one person's
     * ids never collide with another's; null without a client's id (then a retry may apply twice).
     */
    private String deliveryId(ChannelIdentity from) {
        return deliveryId(messageId, from);
    }

    /** {@link #deliveryId(ChannelIdentity)} for a client's id sent some other way (an upload's parameter). */
    static String deliveryId(String messageId, ChannelIdentity from) {
        if (messageId == null) {
            return null;
        }
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw new BadRequest("\"messageId\" must be 1-100 letters, digits, - or _ (a UUID will do), the same "
                    + "when you send a message again: " + EXAMPLE + ".");
        }
        // The client's id has no colon, so the identity after it cannot make two pairs look alike.
        return "web:message:" + messageId + ":" + from.id();
    }
}
