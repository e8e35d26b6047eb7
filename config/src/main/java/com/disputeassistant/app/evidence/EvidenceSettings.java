package com.disputeassistant.app.evidence;

import com.disputeassistant.evidence.EvidenceLimits;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code dispute.evidence.*}; documented in {@code application.yml} and README.md ("Evidence").
 *
 * @param folder          where the folder store keeps the files
 * @param maxFileSize     the largest file kept
 * @param maxDisputeSize  the most all files of one dispute may hold together
 * @param allowedTypes    the media types kept, as found in the bytes; empty: every type the app recognises
 * @param fetchAttempts   how often a file is fetched from a chat platform before the sender is told it failed
 */
@ConfigurationProperties("dispute.evidence")
record EvidenceSettings(@DefaultValue("./data/evidence") Path folder, @DefaultValue("20MB") DataSize maxFileSize,
                        @DefaultValue("100MB") DataSize maxDisputeSize, List<String> allowedTypes,
                        @DefaultValue("3") int fetchAttempts) {

    /** The limits these settings describe; a wrong value stops the start with the reason. */
    EvidenceLimits limits() {
        return new EvidenceLimits(maxFileSize.toBytes(), maxDisputeSize.toBytes(),
                allowedTypes == null || allowedTypes.isEmpty() ? EvidenceLimits.defaults().allowedTypes()
                        : java.util.Set.copyOf(allowedTypes), fetchAttempts);
    }
}
