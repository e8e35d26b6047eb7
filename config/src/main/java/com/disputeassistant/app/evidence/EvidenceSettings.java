package com.disputeassistant.app.evidence;

import com.disputeassistant.evidence.EvidenceLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code dispute.evidence.*}; documented in {@code application.yml} and README.md ("Evidence").
 *
 * @param store           where the files are kept: {@code folder} (the default) or {@code s3} (a bucket)
 * @param folder          where the folder store keeps the files; with a bucket, where files wait while they arrive
 * @param s3              the bucket, when {@code store} is {@code s3}
 * @param maxFileSize     the largest file kept
 * @param maxDisputeSize  the most all files of one dispute may hold together
 * @param allowedTypes    the media types kept, as found in the bytes; empty: every type the app recognises
 * @param fetchAttempts   how often a file is fetched from a chat platform before the sender is told it failed
 */
@ConfigurationProperties("dispute.evidence")
record EvidenceSettings(@DefaultValue("folder") String store, @DefaultValue("./data/evidence") Path folder,
                        @DefaultValue S3Settings s3, @DefaultValue("20MB") DataSize maxFileSize,
                        @DefaultValue("100MB") DataSize maxDisputeSize, List<String> allowedTypes,
                        @DefaultValue("3") int fetchAttempts) {

    /** The limits these settings describe; a wrong value stops the start with the reason. */
    EvidenceLimits limits() {
        return new EvidenceLimits(maxFileSize.toBytes(), maxDisputeSize.toBytes(),
                allowedTypes == null || allowedTypes.isEmpty() ? EvidenceLimits.defaults().allowedTypes()
                        : java.util.Set.copyOf(allowedTypes), fetchAttempts);
    }

    /** Whether the files go to a bucket ({@code s3}) rather than the folder. */
    boolean inBucket() {
        return "s3".equalsIgnoreCase(store.trim());
    }

    /** Everything wrong with the choice of store and, for a bucket, with its settings; empty when usable. */
    List<String> storeProblems() {
        List<String> problems = new ArrayList<>();
        if (inBucket()) {
            problems.addAll(s3.problems());
        } else if (!"folder".equalsIgnoreCase(store.trim())) {
            problems.add("dispute.evidence.store (DISPUTE_EVIDENCE_STORE) is \"" + store + "\"; it is folder or s3");
        }
        return problems;
    }
}
