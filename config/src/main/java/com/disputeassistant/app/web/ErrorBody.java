package com.disputeassistant.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The app's one error body, {@code {"error": "..."}}, as the playground and marketplace APIs answer it,
 * written where Spring's message converters are not at hand (a filter, the error page, Tomcat's valve).
 */
final class ErrorBody {
    private ErrorBody() {
    }

    /** What to tell a caller who got this status from the servlet container, not from one of our endpoints. */
    static String explain(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: check its URL, query string, headers and body.";
            case 401 -> "Sign in or send your credentials first.";
            case 403 -> "You may not do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take this method.";
            case 406 -> "This address answers JSON or HTML only; accept one of them.";
            case 408 -> "The request took too long to arrive; send it again.";
            case 413 -> "The request body is too large.";
            case 414 -> "The URL is too long.";
            case 415 -> "This address does not take a body of this type.";
            case 431 -> "The request's headers are too large.";
            case 503 -> "Our data store cannot be reached right now, so this could not be done; try again in a moment "
                    + "(a message sent again with the same id is applied once).";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield status >= 500 ? "Something went wrong on our side. Try again in a moment."
                        : known == null ? "The request was refused." : "The request was refused: " + known.getReasonPhrase() + ".";
            }
        };
    }

    /** The body as JSON text, the message escaped. */
    static String json(String message) {
        StringBuilder json = new StringBuilder("{\"error\":\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append("\"}").toString();
    }

    /** Answers the error on a response nothing was written to yet. */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = json(message).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
