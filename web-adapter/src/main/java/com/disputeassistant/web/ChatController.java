package com.disputeassistant.web;

import com.disputeassistant.inbound.ChatAnswer;
import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.language.Language;
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
 * The browser's side of a chat: what a person says goes through the same inbound path as on every other
 * channel ({@link ChatInbound}), and what the engine answers reaches each person on their own channel; a web identity's
 * messages wait in its inbox until the page polls for them.
 */
@RestController
@Playground.OnlyWhenOn
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ChatController {
    private final ChatInbound inbound;
    private final WebChannel webChannel;

    ChatController(ChatInbound inbound, WebChannel webChannel) {
        this.inbound = inbound;
        this.webChannel = webChannel;
    }

    // No "consumes": a body of another type then reaches ApiErrors, which explains what to send.
    // The browser's Accept-Language is the channel's hint of the person's language (see Language).
    @PostMapping("/messages")
    Delivered send(@RequestBody PostedMessage posted,
                   @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return deliver(inbound, posted.toEvent().withLanguage(Language.ofAcceptLanguage(acceptLanguage).orElse(null)));
    }

    /** Hands a person's event to the inbound path; a notice (a stranger's answer) comes as a message in their pane. */
    static Delivered deliver(ChatInbound inbound, ChatEvent event) {
        ChatAnswer answer = inbound.handle(event);
        if (answer instanceof ChatAnswer.Notice notice) {
            // The playground shows no private notices: it comes as a message in the person's pane.
            inbound.tell(event, notice.text());
            return new Delivered(1);
        }
        return new Delivered(answer instanceof ChatAnswer.Done done ? done.replies() : 0);
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

    /** How many messages the answer had, for everyone concerned on any channel. */
    record Delivered(int delivered) {
    }
}
