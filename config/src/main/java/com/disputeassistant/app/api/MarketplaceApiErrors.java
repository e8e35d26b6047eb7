package com.disputeassistant.app.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the API answers when something other than the input goes wrong: Spring MVC's own request errors
 * keep their 4xx; anything else is a 500 with a log line. Scoped to this package. Redis trouble is answered
 * before this, as on every endpoint: 503 with {@code Retry-After} (see the app's web package).
 */
@RestControllerAdvice(basePackageClasses = MarketplaceApiErrors.class)
class MarketplaceApiErrors {
    private static final Logger log = LoggerFactory.getLogger(MarketplaceApiErrors.class);

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
