package com.disputeassistant.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of this package's endpoints into JSON {@code {"error": "..."}} that tells the
 * caller what to send instead. Bad input is always a 4xx; only a fault of ours is a 500, with a
 * generic message and a log line.
 *
 * <p>Scoped to this package: the application may host other channels' endpoints (webhooks) whose
 * callers expect other answers. Requests that match no endpoint at all (unknown path, wrong method)
 * get Spring Boot's standard 404/405 answer.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** The error body. */
    record ApiError(String error) {
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ApiError> badRequest(BadRequest e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ApiError> notFound(NotFound e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** The body could not be read: missing, not JSON, not an object, or a field of the wrong type. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        String send = " Send " + PostedMessage.EXAMPLE + ".";
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            String field = pathOf(mismatch);
            return answer(HttpStatus.BAD_REQUEST, field.isEmpty()
                    ? "The body must be one JSON object." + send
                    : "\"" + field + "\" must be " + describe(mismatch.getTargetType()) + "." + send);
        }
        if (e.getCause() instanceof JacksonException) {
            return answer(HttpStatus.BAD_REQUEST, "The body is not valid JSON." + send);
        }
        return answer(HttpStatus.BAD_REQUEST, "The request needs a JSON body." + send);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as JSON, with the header Content-Type: application/json.");
    }

    /**
     * Anything else. Spring MVC's own request errors (a missing header, an unacceptable Accept...) keep
     * their status and explanation; what remains is a fault of ours.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> fault(Exception e) {
        if (e instanceof ErrorResponse requestError && requestError.getStatusCode().is4xxClientError()) {
            return answer(requestError.getStatusCode(), requestError.getBody().getDetail());
        }
        log.error("Unexpected failure answering a web request", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Try again in a moment; if you sent a message, check the chat "
                        + "before sending it again.");
    }

    private static ResponseEntity<ApiError> answer(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).body(new ApiError(message));
    }

    private static String pathOf(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a JSON value of type " + type.getSimpleName();
    }
}
