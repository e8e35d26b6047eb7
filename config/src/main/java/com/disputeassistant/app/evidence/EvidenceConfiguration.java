package com.disputeassistant.app.evidence;

import com.disputeassistant.app.StartupProblem;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The evidence store (a folder, or a bucket with {@code dispute.evidence.store=s3}), the records beside
 * each dispute in Redis, the intake the engine keeps files with, and the checked reads ({@link EvidenceFiles})
 * the channels and the web pages deliver them by.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceSettings.class)
class EvidenceConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);
    private static final String FIX = "Set dispute.evidence.store to folder (the default) or s3, and for s3 the"
            + " dispute.evidence.s3.* settings (README.md, \"Evidence\" and \"Configuration\").";

    @Bean
    EvidenceStore evidenceStore(EvidenceSettings settings) {
        List<String> problems = settings.storeProblems();
        if (!problems.isEmpty()) {
            throw new StartupProblem("The evidence store cannot be used:\n - " + String.join("\n - ", problems), FIX);
        }
        FolderEvidenceStore folder = folder(settings);
        if (!settings.inBucket()) {
            log.info("Evidence is kept in the {}", folder);
            return folder;
        }
        // Files arrive in the folder store's staging folder (cleared of a crash's leftovers the same way)
        // and are uploaded from there whole.
        S3EvidenceStore bucket = new S3EvidenceStore(S3EvidenceStore.client(settings.s3()), settings.s3(),
                folder.stagingFolder());
        try {
            bucket.check();
        } catch (IOException e) {
            if (!(e.getCause() instanceof S3Exception)) {
                // Not reached (a network blip, the service starting too): the app starts, as it does while Redis
                // or the sign-in provider is away, and a file that cannot be kept meanwhile is refused with a reason.
                log.warn("{}; starting anyway, and files are kept once it answers", e.getMessage());
            } else {
                // The bucket answered: no such bucket, or keys it refuses. That will not mend itself.
                bucket.close();
                throw new StartupProblem(e.getMessage(), FIX, e);
            }
        }
        log.info("Evidence is kept in the {}; files wait in {} while they arrive", bucket, folder.stagingFolder());
        return bucket;
    }

    private static FolderEvidenceStore folder(EvidenceSettings settings) {
        try {
            return new FolderEvidenceStore(settings.folder());
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
