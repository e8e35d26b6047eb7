package com.disputeassistant.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer <key>} header: a known key makes the
 * request that key's (its name is the principal's name), after counting it against the key's rate limit.
 * An unknown or missing key leaves the request anonymous, which the API's chain answers with 401.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
    /** Request attribute: why no key was accepted, for the 401's message. */
    static final String PROBLEM = ApiKeyFilter.class.getName() + ".problem";
    static final String ROLE = "MARKETPLACE";
    private static final String BEARER = "Bearer ";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final RedisRateLimit rateLimit;

    ApiKeyFilter(ApiKeys keys, RedisRateLimit rateLimit) {
        this.keys = keys;
        this.rateLimit = rateLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            request.setAttribute(PROBLEM, "This request needs an API key: send the header Authorization: Bearer <your key>.");
        } else if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.setAttribute(PROBLEM, "Send the API key as Authorization: Bearer <your key>.");
        } else {
            Optional<String> name = keys.nameOf(header.substring(BEARER.length()).strip());
            if (name.isEmpty()) {
                request.setAttribute(PROBLEM, "This API key is not valid. Check that it was copied whole, or ask for a new one.");
            } else if (!withinLimit(name.get(), response)) {
                return;
            } else {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name.get(), null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    /** Counts the request; answers it (429) and returns false if it must stop here. */
    private boolean withinLimit(String keyName, HttpServletResponse response) throws IOException {
        // Redis trouble propagates: the error page answers it 503 with Retry-After, as on every endpoint.
        Optional<Duration> wait = rateLimit.take(keyName);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ApiAnswers.write(response, HttpStatus.TOO_MANY_REQUESTS, ApiAnswers.error(
                    "This API key has made too many requests this minute; try again in " + seconds + " seconds."));
            return false;
        }
        return true;
    }
}
