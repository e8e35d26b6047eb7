package com.disputeassistant.app.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What the API answers when something other than the input goes wrong: Redis away is a 503 with
 * {@code Retry-After} (nothing was written, and every write can simply be sent again); Spring MVC's own
 * request errors keep their 4xx; anything else is a 500 with a log line. Scoped to this package.
 */
@RestControllerAdvice(basePackageClasses = MarketplaceApiErrors.class)
class MarketplaceApiErrors {
    private static final Logger log = LoggerFactory.getLogger(MarketplaceApiErrors.class);

    @ExceptionHandler(JedisException.class)
    ResponseEntity<Object> storeAway(JedisException e) {
        log.warn("Marketplace API: Redis unreachable: {}", e.toString());
        return ApiAnswers.storeAway();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> fault(Exception e) {
        if (e instanceof ErrorResponse requestError && requestError.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(requestError.getStatusCode())
                    .body(ApiAnswers.error(String.valueOf(requestError.getBody().getDetail())));
        }
        log.error("Marketplace API: unexpected failure", e);
        return ApiAnswers.answer(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing half-written is kept. Try again in a moment.");
    }
}
