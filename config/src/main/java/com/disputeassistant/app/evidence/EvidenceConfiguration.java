package com.disputeassistant.app.evidence;

import com.disputeassistant.evidence.CheckedEvidenceFiles;
import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.EvidenceRecords;
import com.disputeassistant.evidence.EvidenceStore;
import com.disputeassistant.evidence.FolderEvidenceStore;
import com.disputeassistant.evidence.RedisEvidenceRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * The evidence store (a folder), the records beside each dispute in Redis, the intake the engine keeps
 * files with, and the checked reads ({@link EvidenceFiles}) the channels and the web pages deliver them by.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceSettings.class)
class EvidenceConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);

    @Bean
    EvidenceStore evidenceStore(EvidenceSettings settings) {
        try {
            FolderEvidenceStore store = new FolderEvidenceStore(settings.folder());
            log.info("Evidence is kept in the {}", store);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + settings.folder() + " for evidence (dispute.evidence.folder): "
                    + e, e);
        }
    }

    @Bean
    EvidenceRecords evidenceRecords(UnifiedJedis redis, @Value("${dispute.redis.key-prefix:da:}") String keyPrefix) {
        return new RedisEvidenceRecords(redis, keyPrefix);
    }

    @Bean
    EvidenceIntake evidenceIntake(EvidenceStore store, EvidenceRecords records, EvidenceSettings settings, Clock clock) {
        return new EvidenceIntake(store, records, settings.limits(), clock);
    }

    @Bean
    EvidenceFiles evidenceFiles(EvidenceStore store) {
        return new CheckedEvidenceFiles(store);
    }
}
