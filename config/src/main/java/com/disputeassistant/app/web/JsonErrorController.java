package com.disputeassistant.app.web;

import com.disputeassistant.store.RedisOutage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends every error no endpoint answered itself (no such page,
 * a method an address does not take, a failure in a filter): the app's JSON error body, always. Asked for
 * directly, {@code /error} is a page that does not exist (404).
 *
 * <p>A 4xx is logged in one line, without stack trace; Redis trouble is a 503 with {@code Retry-After},
 * logged once per outage ({@link RedisOutage}); anything else is a fault of ours, logged with its stack trace.
 */
@RestController
class JsonErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    private final Refusals refusals;

    JsonErrorController(Refusals refusals) {
        this.refusals = refusals;
    }

    @RequestMapping(path = "${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return Refusals.answer(404, ErrorBody.explain(404));
        }
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        String what = request.getMethod() + " " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failure != null && RedisOutage.isCause(failure)) {
            return refusals.redisTrouble(failure);
        }
        InvalidParameterException badParameters = Refusals.unreadableParametersIn(failure);
        if (badParameters != null) {
            return Refusals.unreadableParameters(badParameters, what);
        }
        int status = code instanceof Integer number ? number : 500;
        if (status >= 500 && requestError(failure) != null) {
            // Thrown before any endpoint (a filter decoding a form): the caller's error, not ours.
            status = requestError(failure).getStatusCode().value();
        }
        if (status >= 500) {
            log.error("Unexpected failure answering {}", what, failure);
        } else {
            log.info("Answered {} with {}", what, status);
        }
        return Refusals.answer(status, ErrorBody.explain(status));
    }

    /** Spring's own 4xx among the failure and its causes (a body that cannot be read...), or null. */
    private static ErrorResponse requestError(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
                return error;
            }
            if (e instanceof HttpMessageNotReadableException) {
                return new ErrorResponseException(HttpStatus.BAD_REQUEST, e);
            }
        }
        return null;
    }
}