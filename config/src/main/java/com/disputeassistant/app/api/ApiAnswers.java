package com.disputeassistant.app.api;

import com.disputeassistant.marketplace.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's error bodies, one shape everywhere: {@code {"error": "what to do"}}, with {@code errors}
 * (field and message) for invalid input and {@code dispute} when an open dispute is the reason.
 */
final class ApiAnswers {
    /** How long a client should wait when Redis is away before trying again. */
    private static final JsonMapper JSON = JsonMapper.shared();

    private ApiAnswers() {
    }

    static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return body;
    }

    static ResponseEntity<Object> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(error(message));
    }

    static ResponseEntity<Object> invalid(String what, List<FieldError> errors) {
        Map<String, Object> body = error(what + " is not valid; each entry of errors says what to change.");
        body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return ResponseEntity.badRequest().body(body);
    }

    /** For the filters, which answer before any controller. */
    static void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
