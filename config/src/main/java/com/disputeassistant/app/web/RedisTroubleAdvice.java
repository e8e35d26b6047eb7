package com.disputeassistant.app.web;

import com.disputeassistant.store.RedisOutage;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Ahead of every endpoint's own error handling: a failure caused by Redis trouble is a 503 with
 * {@code Retry-After} on every endpoint (playground, console, marketplace API, Slack, Telegram), whatever
 * wraps it, logged once per outage; parameters the container could not decode are the caller's 400.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RedisTroubleAdvice {
    private static final Logger log = LoggerFactory.getLogger(RedisTroubleAdvice.class);

    private final Refusals refusals;

    RedisTroubleAdvice(Refusals refusals) {
        this.refusals = refusals;
    }

    /** Spring matches this on the failure or any of its causes, so a wrapped Redis failure lands here too. */
    @ExceptionHandler(JedisException.class)
    ResponseEntity<String> redis(JedisException failure) {
        if (!RedisOutage.isCause(failure)) {
            log.error("Unexpected Redis failure answering a request", failure);
            return Refusals.answer(500, ErrorBody.explain(500));
        }
        return refusals.redisTrouble(failure);
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<String> unreadableParameters(InvalidParameterException failure, HttpServletRequest request) {
        return Refusals.unreadableParameters(failure, request.getMethod() + " " + request.getRequestURI());
    }
}
