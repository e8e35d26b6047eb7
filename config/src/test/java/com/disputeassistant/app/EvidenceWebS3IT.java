package com.disputeassistant.app;

import com.disputeassistant.app.evidence.S3MockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link EvidenceWebIT}'s tests with {@code dispute.evidence.store=s3}: the files go to a bucket of a real
 * S3-compatible server ({@link S3MockServer}) instead of the folder. Bytes changed in the bucket are refused,
 * which also shows that the downloads read the bucket.
 */
class EvidenceWebS3IT extends EvidenceWebIT {
    private static final String BUCKET = "evidence";
    private static final String KEY_PREFIX = "web-it/";

    @TempDir
    static Path serverRoot;
    private static S3MockServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3MockServer.start(serverRoot, BUCKET);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.close();
    }

    @DynamicPropertySource
    static void inABucket(DynamicPropertyRegistry registry) {
        registry.add("dispute.evidence.store", () -> "s3");
        registry.add("dispute.evidence.s3.endpoint", () -> server.endpoint().toString());
        registry.add("dispute.evidence.s3.bucket", () -> BUCKET);
        registry.add("dispute.evidence.s3.region", () -> S3MockServer.REGION);
        registry.add("dispute.evidence.s3.access-key", () -> "web-it");
        registry.add("dispute.evidence.s3.secret-key", () -> "web-it-secret");
        registry.add("dispute.evidence.s3.prefix", () -> KEY_PREFIX);
    }

    @Override
    void changeBehindTheAppsBack(String id, byte[] bytes) {
        try (S3Client client = server.client()) {
            client.putObject(b -> b.bucket(BUCKET).key(KEY_PREFIX + id), RequestBody.fromBytes(bytes));
        }
    }
}
