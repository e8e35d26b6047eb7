package com.disputeassistant.web;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.language.Language;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser's side of a chat: what a person says goes through the same engine as on every other
 * channel, and what the engine answers reaches each person on their own channel; a web identity's
 * messages wait in its inbox until the page polls for them.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ChatController {
    private final ConversationEngine engine;
    private final Delivery delivery;
    private final WebChannel webChannel;

    ChatController(ConversationEngine engine, Delivery delivery, WebChannel webChannel) {
        this.engine = engine;
        this.delivery = delivery;
        this.webChannel = webChannel;
    }

    // No "consumes": a body of another type then reaches ApiErrors, which explains what to send.
    // The browser's Accept-Language is the channel's hint of the person's language (see Language).
    @PostMapping("/messages")
    Delivered send(@RequestBody PostedMessage posted,
                   @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        List<OutboundMessage> replies = engine.handle(posted.toInbound()
                .withLanguage(Language.ofAcceptLanguage(acceptLanguage).orElse(null)));
        delivery.deliver(replies);
        return new Delivered(replies.size());
    }

    // "as" and "after" are read as text so that a missing or malformed value gets our own explanation.
    @GetMapping("/inbox")
    InboxPage inbox(@RequestParam(name = "as", required = false) String as,
                    @RequestParam(name = "after", required = false) String after) {
        return webChannel.messagesAfter(WebIdentity.parse(as), parseSeq(after));
    }

    private static long parseSeq(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(after.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative number
        }
        throw new BadRequest("\"after\" is the last seq you have: a whole number from 0 (send 0, or leave "
                + "it out, to get the whole inbox).");
    }

    /** How many messages the engine's answer had, for everyone concerned on any channel. */
    record Delivered(int delivered) {
    }
}
