package com.disputeassistant.app.web;

import com.disputeassistant.store.RedisOutage;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The answers the error page and the error advice share, so that both say the same. */
final class Refusals {
    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final RedisOutage outage;
    private final HttpSettings settings;

    Refusals(RedisOutage outage, HttpSettings settings) {
        this.outage = outage;
        this.settings = settings;
    }

    /** Redis trouble: 503 with Retry-After; the outage logs its start once. */
    ResponseEntity<String> redisTrouble(Throwable failure) {
        outage.failed(failure);
        return ResponseEntity.status(503)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(settings.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.json(ErrorBody.explain(503)));
    }

    /** A query string or form the container could not decode (or too large a form): the caller's 4xx, one log line. */
    static ResponseEntity<String> unreadableParameters(InvalidParameterException failure, String request) {
        int given = failure.getErrorCode();
        int status = given >= 400 && given < 500 ? given : 400;
        log.info("Refused {}: {} unreadable parameters ({})", request, status, failure.getMessage());
        return answer(status, status == 413 ? ErrorBody.explain(413)
                : "The query string or form could not be read: write it as UTF-8 with %XX escapes.");
    }

    /** The invalid-parameter failure among this failure and its causes, or null. */
    static InvalidParameterException unreadableParametersIn(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof InvalidParameterException bad) {
                return bad;
            }
        }
        return null;
    }

    static ResponseEntity<String> answer(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ErrorBody.json(message));
    }
}
