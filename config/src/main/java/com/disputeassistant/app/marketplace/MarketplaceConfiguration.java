package com.disputeassistant.app.marketplace;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.marketplace.CachedMarketplace;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.LinkedMarketplace;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.MarketplaceFileException;
import com.disputeassistant.marketplace.YamlMarketplace;
import com.disputeassistant.store.RedisMarketplace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import redis.clients.jedis.UnifiedJedis;
import java.io.InputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The marketplace: people and orders kept in Redis (written by the marketplace API), with the YAML file
 * (a missing or broken one stops the start with what to fix) loaded into it as the default, plus the
 * identities people linked on the chat platforms.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketplaceSettings.class)
class MarketplaceConfiguration {
    static final String SAMPLE = "marketplace.yml";

    private static final Logger log = LoggerFactory.getLogger(MarketplaceConfiguration.class);
    private static final String FIX = "Fix the file (each problem above says what to change), point MARKETPLACE_FILE "
            + "(dispute.marketplace.file) at another file, or unset it to use the bundled sample. README.md, "
            + "section 'The marketplace file', describes the format.";

    /**
     * The people and orders in Redis, which the marketplace API writes; the file (or the bundled sample)
     * is loaded into it at start when this very file was not loaded before (see {@link RedisMarketplace#seed}).
     */
    @Bean
    RedisMarketplace redisMarketplace(MarketplaceSettings settings, UnifiedJedis redis, Clock clock,
                                      @Value("${dispute.redis.key-prefix:da:}") String keyPrefix) {
        MarketplaceSource source = fromFile(settings);
        RedisMarketplace stored = new RedisMarketplace(redis, keyPrefix, clock);
        List<String> problems = stored.seed(source.marketplace(), source.fingerprint());
        long[] size = stored.size();
        log.info("Marketplace in Redis: {} people, {} orders{}", size[0], size[1],
                problems.isEmpty() ? "" : " (" + problems.size() + " entries of the file not loaded; see the warnings)");
        return stored;
    }

    /**
     * The stored marketplace as the engine reads it, many times a turn: through a cache that this instance's
     * API writes clear at once and that sees other instances' writes within {@code dispute.marketplace.cache-ttl}.
     */
    @Bean
    CachedMarketplace cachedMarketplace(RedisMarketplace stored, Clock clock, MarketplaceSettings settings) {
        return new CachedMarketplace(stored, settings.cacheTtl(), clock);
    }

    /** What the engine and the channels read: the stored marketplace, with the identities people linked. */
    @Bean
    @Primary
    Marketplace marketplace(CachedMarketplace cached, IdentityLinks links) {
        return new LinkedMarketplace(cached, links);
    }

    /** A marketplace file read and checked, and the SHA-256 of its bytes, which says whether it changed. */
    private record MarketplaceSource(Marketplace marketplace, String fingerprint) {
    }

    private static MarketplaceSource fromFile(MarketplaceSettings settings) {
        try {
            if (settings.usesSample()) {
                MarketplaceSource sample = sample();
                log.info("Marketplace file: the bundled sample, {} people (set MARKETPLACE_FILE to use your own file)",
                        sample.marketplace().people().size());
                return sample;
            }
            Path file = Path.of(settings.file().trim()).toAbsolutePath().normalize();
            Marketplace marketplace = YamlMarketplace.fromFile(file);
            log.info("Marketplace file: {}, {} people", file, marketplace.people().size());
            return new MarketplaceSource(marketplace, fingerprint(readQuietly(file)));
        } catch (MarketplaceFileException e) {
            // Its message already names the file and lists every problem.
            throw new StartupProblem(e.getMessage(), FIX, e);
        }
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            // It was read a moment ago; if it is gone now, load it anew next time.
            return new byte[0];
        }
    }

    private static String fingerprint(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static MarketplaceSource sample() {
        try (InputStream in = new ClassPathResource(SAMPLE).getInputStream()) {
            byte[] content = in.readAllBytes();
            return new MarketplaceSource(YamlMarketplace.fromStream(new ByteArrayInputStream(content), "classpath:" + SAMPLE),
                    fingerprint(content));
        } catch (IOException e) {
            throw new IllegalStateException("the bundled sample " + SAMPLE + " is missing from the application jar", e);
        }
    }
}
