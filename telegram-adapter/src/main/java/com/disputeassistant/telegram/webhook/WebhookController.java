package com.disputeassistant.telegram.webhook;

import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.inbound.InboundMeters;
import com.disputeassistant.telegram.sending.TelegramChannel;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives updates in webhook mode: {@code POST /telegram/webhook}, from Telegram only.
 *
 * <p>Telegram sends the secret token given to setWebhook in {@code X-Telegram-Bot-Api-Secret-Token}; a
 * call without it (401) or with another (403) is refused before its body is even read, so nothing from
 * it is stored. The token is compared in constant time. An unreadable body is a 400. The answer is 200
 * only once the update's effect is stored; if storing failed, 503 makes Telegram deliver it again.
 */
@RestController
class WebhookController {
    static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final Consumer<Update> handler;
    private final Counter refused;

    WebhookController(String secret, Consumer<Update> handler) {
        this(secret, handler, InboundMeters.refused(InboundMeters.none(), TelegramChannel.NAME));
    }

    /** @param refused counts calls refused for a missing or wrong secret */
    WebhookController(String secret, Consumer<Update> handler, Counter refused) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.handler = handler;
        this.refused = refused;
    }

    // The body is taken as bytes and read here: Spring's JSON mapping (Jackson 3) does not know
    // TelegramBots' Jackson 2 annotations, and bad JSON must get this endpoint's own 400.
    @PostMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@RequestHeader(name = SECRET_HEADER, required = false) String token,
                                   @RequestBody(required = false) byte[] body) {
        if (token == null || token.isEmpty()) {
            refused.increment();
            return answer(HttpStatus.UNAUTHORIZED, "Missing " + SECRET_HEADER + ": only Telegram may post updates here.");
        }
        if (!MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            refused.increment();
            return answer(HttpStatus.FORBIDDEN, "Wrong " + SECRET_HEADER + ".");
        }
        Update update;
        try {
            update = body == null || body.length == 0 ? null : JSON.readValue(body, Update.class);
        } catch (IOException e) {
            update = null;
        }
        if (update == null || update.getUpdateId() == null) {
            return answer(HttpStatus.BAD_REQUEST, "The body must be one Telegram Update as JSON, with an update_id.");
        }
        try {
            handler.accept(update);
        } catch (RuntimeException e) {
            if (ChatInbound.isStoreTrouble(e)) {
                // Answered 503 with Retry-After, and logged once per outage, as on every endpoint.
                throw e;
            }
            log.error("Could not handle Telegram update {}; Telegram will deliver it again", update.getUpdateId(), e);
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "Not stored; deliver this update again later.");
        }
        return answer(HttpStatus.OK, "ok");
    }

    private static ResponseEntity<String> answer(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
    }
}
