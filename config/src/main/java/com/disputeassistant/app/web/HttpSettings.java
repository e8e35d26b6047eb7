package com.disputeassistant.app.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code dispute.http.*}; documented in {@code application.yml}.
 *
 * @param maxBodySize the largest request body any endpoint reads; a larger one is answered 413
 * @param retryAfter  what {@code Retry-After} says while Redis is in trouble
 */
@ConfigurationProperties("dispute.http")
record HttpSettings(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("5s") Duration retryAfter) {
    HttpSettings {
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("dispute.http.max-body-size must be at least 1KB (Slack's and "
                    + "Telegram's requests need more), not " + maxBodySize);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("dispute.http.retry-after must be positive, like 5s, not " + retryAfter);
        }
    }
}
