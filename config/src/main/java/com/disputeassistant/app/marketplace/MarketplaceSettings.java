package com.disputeassistant.app.marketplace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dispute.marketplace.*}; documented in {@code application.yml}.
 *
 * @param file     the marketplace YAML file ({@code MARKETPLACE_FILE}); blank means the bundled sample
 * @param cacheTtl how long the engine keeps what it read of the marketplace (see {@code CachedMarketplace})
 */
@ConfigurationProperties("dispute.marketplace")
record MarketplaceSettings(String file, @DefaultValue("2s") Duration cacheTtl) {

    boolean usesSample() {
        return file == null || file.isBlank();
    }
}
