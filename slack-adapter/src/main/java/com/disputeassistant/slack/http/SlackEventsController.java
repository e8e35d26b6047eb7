package com.disputeassistant.slack.http;

import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.inbound.InboundMeters;
import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * HTTP mode: Slack's events, the slash command and interactivity all arrive at {@code POST /slack/events},
 * so any instance behind a load balancer can take any request.
 *
 * <p>The request is verified here first (missing headers, a bad signature or a timestamp more than five
 * minutes off: 401, and nothing reaches the app), then handed to the Bolt app, whose handlers keep the
 * request in a durable inbox and ack, well within Slack's three seconds; the work is done from the inbox.
 */
@ResponseBody
@org.springframework.stereotype.Controller
public class SlackEventsController {
    static final String PATH = "/slack/events";
    /** Slack's largest payloads (a modal's view state) are well under this. */
    private static final int MAX_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

    private final App app;
    private final SlackSignature signature;
    private final SlackRequestParser parser;
    private final Counter refused;

    public SlackEventsController(App app, SlackSignature signature) {
        this(app, signature, InboundMeters.refused(InboundMeters.none(), "slack"));
    }

    /** @param refused counts requests refused for a missing or bad signature or timestamp */
    public SlackEventsController(App app, SlackSignature signature, Counter refused) {
        this.refused = refused;
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.config());
    }

    @PostMapping(PATH)
    ResponseEntity<String> receive(HttpServletRequest http) {
        byte[] raw;
        try {
            raw = rawBody(http);
        } catch (IOException e) {
            return text(HttpStatus.BAD_REQUEST, "could not read the request body");
        }
        if (raw == null) {
            return text(HttpStatus.PAYLOAD_TOO_LARGE, "a Slack payload is never this large");
        }
        String refused = signature.problem(http.getHeader("X-Slack-Request-Timestamp"),
                http.getHeader("X-Slack-Signature"), raw);
        if (refused != null) {
            log.warn("Refused a request to {} from {}: {}", PATH, http.getRemoteAddr(), refused);
            this.refused.increment();
            return text(HttpStatus.UNAUTHORIZED, refused);
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.getRequestURI())
                    .queryString(Map.of())
                    .requestBody(new String(raw, StandardCharsets.UTF_8))
                    .headers(new RequestHeaders(headers(http)))
                    .remoteAddress(http.getRemoteAddr())
                    .build());
        } catch (RuntimeException e) {
            // Signed by Slack but not a payload Bolt understands (a format change, a truncated body).
            log.warn("Could not read a signed Slack request: {}", e.toString());
            return text(HttpStatus.BAD_REQUEST, "not a Slack payload this app understands");
        }
        if (request == null) {
            return text(HttpStatus.BAD_REQUEST, "not a Slack payload this app understands");
        }
        try {
            return toEntity(app.run(request));
        } catch (Exception e) {
            if (ChatInbound.isStoreTrouble(e) && e instanceof RuntimeException redisTrouble) {
                // Answered 503 with Retry-After, and logged once per outage, as on every endpoint.
                throw redisTrouble;
            }
            if (unreadable(e)) {
                // A field of the wrong shape, found when Bolt reads the event: sent again, it would not be better.
                log.warn("Could not read a signed Slack {} request: {}", request.getRequestType(), e.getMessage());
                return text(HttpStatus.BAD_REQUEST, "not a Slack payload this app understands");
            }
            // Our failure, not the sender's: 503 makes Slack retry, and the delivery id keeps a retry
            // from applying anything twice.
            log.error("The Slack app failed on a {} request", request.getRequestType(), e);
            return text(HttpStatus.SERVICE_UNAVAILABLE, "try again");
        }
    }

    /**
     * Whether Bolt failed reading the payload: its JSON reader (Gson) met a field of another shape than
     * Slack sends, such as an array where a string belongs, or one of Bolt's built-in middlewares, which run
     * before any handler of ours, met a field missing or of another shape (an object as {@code user} makes
     * {@code IgnoringSelfEvents} fail). Either way, the same payload sent again would fail again.
     */
    private static boolean unreadable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            StackTraceElement[] where = e.getStackTrace();
            if (e instanceof JsonParseException || where.length > 0
                    && (where[0].getClassName().startsWith("com.google.gson.")
                    || where[0].getClassName().startsWith("com.slack.api.bolt.middleware.builtin."))) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<String> toEntity(Response response) {
        HttpHeaders headers = new HttpHeaders();
        if (response.getContentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, response.getContentType());
        }
        return ResponseEntity.status(response.getStatusCode()).headers(headers)
                .body(response.getBody() == null ? "" : response.getBody());
    }

    private static ResponseEntity<String> text(HttpStatus status, String why) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(why);
    }

    private static Map<String, List<String>> headers(HttpServletRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name, Collections.list(http.getHeaders(name)));
        }
        return headers;
    }

    /**
     * The body exactly as sent, which the signature covers. Read from the stream ourselves: Spring's
     * {@code @RequestBody} rebuilds a form post (slash commands, interactivity) from its parameters,
     * which need not give back the signed bytes. Null when larger than any Slack payload.
     */
    private static byte[] rawBody(HttpServletRequest http) throws IOException {
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }
}
