package com.disputeassistant.app.marketplace;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dispute.marketplace.*}; documented in {@code application.yml}.
 *
 * @param file the marketplace YAML file ({@code MARKETPLACE_FILE}); blank means the bundled sample
 */
@ConfigurationProperties("dispute.marketplace")
record MarketplaceSettings(String file) {

    boolean usesSample() {
        return file == null || file.isBlank();
    }
}
