package com.disputeassistant.telegram.linking;

import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.PersonId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mints a link code for a marketplace account, for demos and tests: {@code POST
 * /api/telegram/link-codes?person=alice}. In production the marketplace mints codes itself with the
 * shared secret; this endpoint is off unless {@code dispute.telegram.link-code-endpoint} is true, since
 * whoever can call it can link any account.
 */
@RestController
class LinkCodeController {
    private final LinkCodes codes;
    private final Marketplace marketplace;
    private final Duration lifetime;
    private final Supplier<Optional<String>> botUsername;
    private final Clock clock;

    LinkCodeController(LinkCodes codes, Marketplace marketplace, Duration lifetime,
                       Supplier<Optional<String>> botUsername, Clock clock) {
        this.codes = codes;
        this.marketplace = marketplace;
        this.lifetime = lifetime;
        this.botUsername = botUsername;
        this.clock = clock;
    }

    // The person is read as text so that a missing or odd value gets our own explanation.
    @PostMapping(path = "/api/telegram/link-codes", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> mint(@RequestParam(name = "person", required = false) String person) {
        if (person == null || person.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "Say whose code to mint: POST /api/telegram/link-codes?person=<person id>, "
                    + "with a person id from the marketplace file.");
        }
        PersonId id = new PersonId(person.strip());
        if (marketplace.person(id).isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "There is no person '" + id + "' in the marketplace; use a person id "
                    + "from the marketplace file, like alice.");
        }
        if (id.value().getBytes(StandardCharsets.UTF_8).length > LinkCodes.MAX_PERSON_ID_BYTES) {
            return error(HttpStatus.BAD_REQUEST, "Person ids longer than " + LinkCodes.MAX_PERSON_ID_BYTES
                    + " bytes do not fit in a Telegram link code.");
        }
        Instant expiresAt = clock.instant().plus(lifetime);
        String code = codes.mint(id, expiresAt);
        String link = botUsername.get().map(bot -> "https://t.me/" + bot + "?start=" + code).orElse(null);
        return ResponseEntity.ok(new Minted(id.value(), code, "/start " + code, link, expiresAt));
    }

    private static ResponseEntity<Problem> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new Problem(message));
    }

    /**
     * A fresh code.
     *
     * @param start what to send the bot if the link cannot be opened
     * @param link  the deep link that opens the bot and sends the code, when the bot's name is known
     */
    record Minted(String person, String code, String start, String link, Instant expiresAt) {
    }

    /** Why no code was minted, and what to send instead. */
    record Problem(String error) {
    }
}
