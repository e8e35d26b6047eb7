package com.disputeassistant.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.app.StartupProblem;
import com.disputeassistant.evidence.CheckedEvidenceFiles;
import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.evidence.EvidenceTamperedException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 evidence store against a real S3-compatible server (Adobe's S3Mock, {@link S3MockServer}): what is
 * kept is read back whole and checked, a retried keep keeps the first bytes, an object changed behind the
 * store's back is reported as tampered, and a missing bucket, a server that is not there and refused
 * credentials are each told in words a person can act on.
 */
class S3EvidenceStoreIT {
    private static final String BUCKET = "evidence";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path serverRoot;
    private static S3MockServer server;
    private static S3Client direct;

    @TempDir
    Path staging;
    private S3EvidenceStore store;
    private EvidenceFiles files;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3MockServer.start(serverRoot, BUCKET);
        direct = server.client();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        direct.close();
        server.close();
    }

    @BeforeEach
    void openStore() {
        store = store(server.settings(BUCKET, "instance-a"));
        files = new CheckedEvidenceFiles(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private S3EvidenceStore store(S3Settings settings) {
        return new S3EvidenceStore(S3EvidenceStore.client(settings), settings, staging);
    }

    private Path staged(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(staging, "in-", ".part"), bytes);
    }

    private static EvidenceRef ref(String id, byte[] bytes) throws Exception {
        return new EvidenceRef(id, "chapter 4.pdf", "application/pdf", bytes.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void aKeptFileIsReadBackCheckedUnderItsIdAndPrefixAndCanBeDeleted() throws Exception {
        store.check();
        Path staged = staged(PDF);
        store.keep("ev-1", staged);

        assertThat(staged).as("the staged file is taken away").doesNotExist();
        assertThat(files.readAll(ref("ev-1", PDF))).isEqualTo(PDF);
        assertThat(direct.getObjectAsBytes(b -> b.bucket(BUCKET).key("instance-a/ev-1")).asByteArray())
                .as("keyed by the prefix and the id, never the file's name").isEqualTo(PDF);
        assertThat(direct.headObject(b -> b.bucket(BUCKET).key("instance-a/ev-1").checksumMode(ChecksumMode.ENABLED))
                .checksumSHA256()).as("uploaded with its SHA-256, which the server checked")
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PDF)));

        store.delete("ev-1");
        assertThatThrownBy(() -> files.readAll(ref("ev-1", PDF))).isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("no such item");
        store.delete("ev-1"); // deleting what is gone is fine: a refused record's cleanup may run twice
    }

    @Test
    void aRetriedKeepKeepsTheFirstBytes() throws Exception {
        store.keep("ev-2", staged(PDF));
        Path again = staged("%PDF-1.7 other bytes".getBytes(StandardCharsets.US_ASCII));
        store.keep("ev-2", again);

        assertThat(again).doesNotExist();
        assertThat(files.readAll(ref("ev-2", PDF))).isEqualTo(PDF);
    }

    @Test
    void anObjectChangedInTheBucketIsReportedAsTamperedAndNeverServed() throws Exception {
        store.keep("ev-3", staged(PDF));
        direct.putObject(b -> b.bucket(BUCKET).key("instance-a/ev-3"),
                RequestBody.fromString("%PDF-1.7 changed after it was kept"));

        assertThatThrownBy(() -> files.readAll(ref("ev-3", PDF))).isInstanceOf(EvidenceTamperedException.class)
                .hasMessageContaining("ev-3").hasMessageContaining("does not match its SHA-256");
    }

    @Test
    void theServerRefusesBytesWhoseSha256DiffersFromTheOneSentSoNothingWrongIsKept() throws Exception {
        // What keep relies on: the checksum goes with the upload, and the server checks it before the object exists.
        String otherHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(new byte[1]));
        assertThatThrownBy(() -> direct.putObject(b -> b.bucket(BUCKET).key("instance-a/ev-4").checksumSHA256(otherHash),
                RequestBody.fromBytes(PDF))).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> store.open("ev-4")).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void aMissingBucketIsToldAsSuchAndTheStagedFileIsLeftForTheIntakeToClearAway() throws Exception {
        try (S3EvidenceStore missing = store(server.settings("no-such-bucket", ""))) {
            assertThatThrownBy(missing::check).isInstanceOf(IOException.class)
                    .hasMessageContaining("bucket no-such-bucket").hasMessageContaining("does not exist");
            Path staged = staged(PDF);
            assertThatThrownBy(() -> missing.keep("ev-5", staged)).isInstanceOf(IOException.class)
                    .isNotInstanceOf(FileNotFoundException.class).hasMessageContaining("does not exist");
            assertThat(staged).exists();
            assertThatThrownBy(() -> missing.open("ev-5")).isInstanceOf(IOException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void theAppRefusesToStartWithAMissingBucketAndStartsWithAnExistingOne() {
        String[] settings = {"dispute.evidence.store", "s3", "dispute.evidence.s3.endpoint", server.endpoint().toString(),
                "dispute.evidence.s3.region", S3MockServer.REGION, "dispute.evidence.s3.access-key", "a",
                "dispute.evidence.s3.secret-key", "b", "dispute.evidence.s3.bucket", "no-such-bucket"};
        assertThatThrownBy(() -> new EvidenceConfiguration().evidenceStore(EvidenceStoreSettingsTest.bind(staging, settings)))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("bucket no-such-bucket at " + server.endpoint())
                .hasMessageContaining("the bucket does not exist");

        settings[settings.length - 1] = BUCKET;
        try (S3EvidenceStore started = (S3EvidenceStore) new EvidenceConfiguration()
                .evidenceStore(EvidenceStoreSettingsTest.bind(staging, settings))) {
            assertThat(started.stagingFolder()).as("files arrive in the folder store's staging folder")
                    .isEqualTo(staging.resolve(".staging"));
        }
    }

    @Test
    void aServerThatIsNotThereIsToldAsUnreachableAndTheAppStartsAnyway() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        S3Settings nowhere = new S3Settings("http://127.0.0.1:" + closedPort, BUCKET, S3MockServer.REGION, "a", "b",
                true, "");
        try (S3EvidenceStore unreachable = store(nowhere)) {
            assertThatThrownBy(unreachable::check).isInstanceOf(IOException.class)
                    .hasMessageContaining("could not be reached");
            assertThatThrownBy(() -> unreachable.open("ev-6")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(FileNotFoundException.class);
        }
        // The app starts all the same, as it does while Redis is away: a server not reached may come back.
        String[] settings = {"dispute.evidence.store", "s3", "dispute.evidence.s3.endpoint", nowhere.endpoint(),
                "dispute.evidence.s3.region", S3MockServer.REGION, "dispute.evidence.s3.access-key", "a",
                "dispute.evidence.s3.secret-key", "b", "dispute.evidence.s3.bucket", BUCKET};
        try (S3EvidenceStore started = (S3EvidenceStore) new EvidenceConfiguration()
                .evidenceStore(EvidenceStoreSettingsTest.bind(staging, settings))) {
            assertThat(started.stagingFolder()).isEqualTo(staging.resolve(".staging"));
        }
    }

    @Test
    void refusedCredentialsAreToldWithWhatToCheck() {
        // S3Mock checks no signatures, so this is the answer Amazon S3 and MinIO give to a wrong key.
        S3Exception refused = (S3Exception) S3Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidAccessKeyId").build()).build();

        assertThat(store.failure("use", refused)).isNotInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("bucket evidence at " + server.endpoint())
                .hasMessageContaining("access was refused (InvalidAccessKeyId)")
                .hasMessageContaining("dispute.evidence.s3.access-key");
    }
}
