package com.disputeassistant.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.evidence.EvidenceStore;
import com.disputeassistant.evidence.FolderEvidenceStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Which evidence store the settings choose, and how a start with {@code dispute.evidence.store=s3} and
 * unusable bucket settings is refused: one message listing every problem, never the secret key.
 */
class EvidenceStoreSettingsTest {

    @TempDir
    Path folder;

    /** The settings Boot binds from these properties (names as in application.yml), the folder this test's. */
    static EvidenceSettings bind(Path folder, String... properties) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("dispute.evidence.folder", folder.toString());
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("dispute.evidence", EvidenceSettings.class);
    }

    private EvidenceStore start(String... properties) {
        return new EvidenceConfiguration().evidenceStore(bind(folder, properties));
    }

    @Test
    void theFolderIsTheDefault() {
        assertThat(start()).isInstanceOf(FolderEvidenceStore.class);
        assertThat(start("dispute.evidence.store", "folder")).isInstanceOf(FolderEvidenceStore.class);
    }

    @Test
    void aBucketWithoutItsSettingsIsRefusedNamingEachMissingOne() {
        assertThatThrownBy(() -> start("dispute.evidence.store", "s3")).isInstanceOf(StartupProblem.class)
                .hasMessageContaining("The evidence store cannot be used")
                .hasMessageContaining("dispute.evidence.s3.bucket (DISPUTE_EVIDENCE_S3_BUCKET) is not set")
                .hasMessageContaining("dispute.evidence.s3.region (DISPUTE_EVIDENCE_S3_REGION) is not set");
    }

    @Test
    void everyWrongBucketSettingIsListedInOneMessageWithoutTheSecret() {
        assertThatThrownBy(() -> start("dispute.evidence.store", "S3", "dispute.evidence.s3.bucket", "My_Bucket",
                "dispute.evidence.s3.region", "Frankfurt!", "dispute.evidence.s3.endpoint", "minio:9000",
                "dispute.evidence.s3.secret-key", "very-secret-value", "dispute.evidence.s3.prefix", "/../x"))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("\"My_Bucket\" is not a bucket name")
                .hasMessageContaining("\"Frankfurt!\" is not a region name")
                .hasMessageContaining("\"minio:9000\" is not an http:// or https:// URL")
                .hasMessageContaining("only the secret key is set")
                .hasMessageContaining("\"/../x\" may hold only")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("dispute.evidence.s3.*"))
                .message().doesNotContain("very-secret-value");
    }

    @Test
    void anUnknownStoreIsRefused() {
        assertThatThrownBy(() -> start("dispute.evidence.store", "bucket")).isInstanceOf(StartupProblem.class)
                .hasMessageContaining("dispute.evidence.store (DISPUTE_EVIDENCE_STORE) is \"bucket\"; it is folder or s3");
    }

    @Test
    void theSettingsNeverShowTheSecretKeyAndPathStyleIsTheDefault() {
        EvidenceSettings settings = bind(folder, "dispute.evidence.store", "s3", "dispute.evidence.s3.bucket", "evidence",
                "dispute.evidence.s3.region", "us-east-1", "dispute.evidence.s3.access-key", "AKIAEXAMPLE",
                "dispute.evidence.s3.secret-key", "very-secret-value", "dispute.evidence.s3.prefix", "prod");

        assertThat(settings.storeProblems()).isEmpty();
        assertThat(settings.s3().pathStyle()).isTrue();
        assertThat(settings.s3().keyPrefix()).isEqualTo("prod/");
        assertThat(settings.toString()).contains("AKIAEXAMPLE").contains("secretKey=(set)")
                .doesNotContain("very-secret-value");
    }
}
