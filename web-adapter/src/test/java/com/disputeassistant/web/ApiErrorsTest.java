package com.disputeassistant.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;

/** The fallback: Spring MVC's own request errors stay 4xx; only what is left is a 500. */
class ApiErrorsTest {
    private final ApiErrors errors = new ApiErrors();

    @Test
    void aRequestErrorDetectedBySpringKeepsItsStatusAndExplanation() {
        var answer = errors.fault(new MissingServletRequestParameterException("as", "String"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().error()).contains("'as'");
    }

    @Test
    void anythingElseIsA500ThatShowsNoInternals() {
        var answer = errors.fault(new IllegalStateException("connection to 10.1.2.3:6379 lost"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().error()).startsWith("Something went wrong on our side").doesNotContain("10.1.2.3");
    }
}
