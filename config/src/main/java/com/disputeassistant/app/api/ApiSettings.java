package com.disputeassistant.app.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dispute.api.*}; documented in {@code application.yml}.
 *
 * @param keys              the API keys, each {@code name:sha256-hex-of-the-key}; never the keys themselves
 * @param requestsPerMinute requests one key may make per minute, across all instances
 */
@ConfigurationProperties("dispute.api")
record ApiSettings(@DefaultValue List<String> keys, @DefaultValue("600") int requestsPerMinute) {
}
