package com.disputeassistant.web;

import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.marketplace.ChannelIdentity;

/**
 * The body of {@code POST /api/messages}: who speaks, and either what they wrote or the id of a
 * reply option they picked.
 */
record PostedMessage(String as, String text, String option) {
    static final int MAX_TEXT_LENGTH = 4_000;
    /** Option ids are short by design (they fit Telegram's 64-byte callback data); this only bounds abuse. */
    static final int MAX_OPTION_LENGTH = 200;
    static final String EXAMPLE = "{\"as\":\"web:alice\",\"text\":\"hello\"} or "
            + "{\"as\":\"web:alice\",\"option\":\"<id of a reply option>\"}";

    /**
     * The message as the inbound path takes it (a web identity's conversation is the identity itself);
     * throws {@link BadRequest} with what to send instead.
     */
    ChatEvent toEvent() {
        ChannelIdentity from = WebIdentity.parse(as);
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
            return ChatEvent.Text.direct(from, from.id(), text, null);
        }
        if (option.isBlank() || option.length() > MAX_OPTION_LENGTH) {
            throw new BadRequest("\"option\" must be the id of a reply option you were offered "
                    + "(the \"id\" of one of a message's \"options\").");
        }
        return new ChatEvent.Choice(from, from.id(), option, null);
    }
}
