package com.disputeassistant.app.api;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import redis.clients.jedis.UnifiedJedis;

/**
 * The marketplace API's own security filter chain, for {@code /api/v1/**} only: every other path (the
 * playground, {@code /slack/events}, {@code /telegram/webhook}, the actuator) has no chain of ours and
 * behaves as without Spring Security. Stateless (no session, no cookie, so no CSRF to guard against):
 * each request carries its API key. The OpenAPI document is public.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
class ApiSecurityConfiguration {
    static final String OPENAPI = "/api/v1/openapi.yaml";
    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    @Bean
    ApiKeys apiKeys(ApiSettings settings) {
        ApiKeys keys = ApiKeys.of(settings.keys());
        if (keys.isEmpty()) {
            log.info("Marketplace API: no API keys configured (DISPUTE_API_KEYS), so every call to /api/v1 is refused "
                    + "with 401. Make a key and its hash with: {}", ApiKeys.HOW_TO_MAKE);
        } else {
            log.info("Marketplace API: {} API key(s), {} requests per minute each", keys.size(), settings.requestsPerMinute());
        }
        return keys;
    }

    @Bean
    SecurityFilterChain marketplaceApiChain(HttpSecurity http, ApiKeys keys, ApiSettings settings, UnifiedJedis redis,
                                            @Value("${dispute.redis.key-prefix:da:}") String keyPrefix, Clock clock) {
        RedisRateLimit rateLimit = new RedisRateLimit(redis, keyPrefix, settings.requestsPerMinute(), clock);
        return http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, OPENAPI).permitAll()
                        .anyRequest().hasRole(ApiKeyFilter.ROLE))
                .addFilterBefore(new ApiKeyFilter(keys, rateLimit), AuthorizationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, e) -> {
                    Object problem = request.getAttribute(ApiKeyFilter.PROBLEM);
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    ApiAnswers.write(response, HttpStatus.UNAUTHORIZED, ApiAnswers.error(problem != null ? problem.toString()
                            : "This request needs an API key: send the header Authorization: Bearer <your key>."));
                }))
                .build();
    }
}
