package com.disputeassistant.app.marketplace;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.LinkedMarketplace;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.MarketplaceFileException;
import com.disputeassistant.marketplace.YamlMarketplace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The marketplace, read once at startup (a missing or broken file stops the start with what to fix),
 * plus the identities people linked on the chat platforms.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketplaceSettings.class)
class MarketplaceConfiguration {
    static final String SAMPLE = "marketplace.yml";

    private static final Logger log = LoggerFactory.getLogger(MarketplaceConfiguration.class);
    private static final String FIX = "Fix the file (each problem above says what to change), point MARKETPLACE_FILE "
            + "(dispute.marketplace.file) at another file, or unset it to use the bundled sample. README.md, "
            + "section 'The marketplace file', describes the format.";

    @Bean
    Marketplace marketplace(MarketplaceSettings settings, IdentityLinks links) {
        return new LinkedMarketplace(fromFile(settings), links);
    }

    private static Marketplace fromFile(MarketplaceSettings settings) {
        try {
            if (settings.usesSample()) {
                Marketplace sample = sample();
                log.info("Marketplace: the bundled sample, {} people (set MARKETPLACE_FILE to use your own file)",
                        sample.people().size());
                return sample;
            }
            Path file = Path.of(settings.file().trim()).toAbsolutePath().normalize();
            Marketplace marketplace = YamlMarketplace.fromFile(file);
            log.info("Marketplace: {}, {} people", file, marketplace.people().size());
            return marketplace;
        } catch (MarketplaceFileException e) {
            // Its message already names the file and lists every problem.
            throw new StartupProblem(e.getMessage(), FIX, e);
        }
    }

    private static Marketplace sample() {
        try (InputStream in = new ClassPathResource(SAMPLE).getInputStream()) {
            return YamlMarketplace.fromStream(in, "classpath:" + SAMPLE);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled sample " + SAMPLE + " is missing from the application jar", e);
        }
    }
}
