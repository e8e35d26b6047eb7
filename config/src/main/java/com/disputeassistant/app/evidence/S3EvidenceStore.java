package com.disputeassistant.app.evidence;

import com.disputeassistant.evidence.EvidenceStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Evidence in an S3 bucket ({@code dispute.evidence.store=s3}), which every instance of the app reaches:
 * one object per item, keyed by the prefix and its generated id, never by a file name. Files still arrive
 * in a local staging folder (the intake hashes them there); {@link #keep} then uploads the complete staged
 * file in one PUT with its length and SHA-256, which the server checks before the object exists, so an
 * item is there whole or not at all. Reads go through the same checked wrapper as the folder's.
 *
 * <p>Failures are told as the folder store tells them: a missing item is a {@link FileNotFoundException},
 * anything else an {@link IOException} saying what the bucket answered (a missing bucket, refused
 * credentials) or that it could not be reached.
 */
final class S3EvidenceStore implements EvidenceStore, AutoCloseable {
    private final S3Client client;
    private final String bucket;
    private final String keyPrefix;
    private final Path staging;
    private final String description;

    S3EvidenceStore(S3Client client, S3Settings settings, Path staging) {
        this.client = client;
        this.bucket = settings.bucket();
        this.keyPrefix = settings.keyPrefix();
        this.staging = staging;
        this.description = settings.describe();
    }

    /**
     * A client for the settings' bucket, over the JDK's HTTP connection. Only the checksums we send are
     * computed: many compatible servers do not take the SDK's default trailing CRC checksums.
     */
    static S3Client client(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.hasKeys()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpointUri() != null) {
            builder.endpointOverride(settings.endpointUri());
        }
        return builder.build();
    }

    /**
     * Asks the bucket whether it is there and ours to use, so that a start with a wrong bucket or wrong keys
     * fails at once rather than at the first file: an {@link IOException} says what is wrong (no such bucket,
     * refused credentials, not reachable).
     */
    void check() throws IOException {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw failure("use", e);
        }
    }

    @Override
    public Path stagingFolder() {
        return staging;
    }

    @Override
    public void keep(String id, Path staged) throws IOException {
        String key = key(id);
        try {
            if (!exists(key)) {
                long size = Files.size(staged);
                String sha256 = sha256Base64(staged);
                // If-None-Match: a concurrent copy of the same delivery that got there first keeps its bytes.
                client.putObject(b -> b.bucket(bucket).key(key).contentLength(size).checksumSHA256(sha256)
                        .ifNoneMatch("*"), RequestBody.fromFile(staged));
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 412) {
                throw failure("keep " + id + " in", e);
            }
        } catch (SdkException e) {
            throw failure("keep " + id + " in", e);
        }
        Files.deleteIfExists(staged);
    }

    @Override
    public InputStream open(String id) throws IOException {
        try {
            return client.getObject(b -> b.bucket(bucket).key(key(id)));
        } catch (SdkException e) {
            throw failure("read " + id + " from", e);
        }
    }

    @Override
    public void delete(String id) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key(id)));
        } catch (SdkException e) {
            throw failure("delete " + id + " from", e);
        }
    }

    private boolean exists(String key) {
        try {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false; // HEAD answers have no body, so no error code either
            }
            throw e;
        }
    }

    /** The item's key: the id is checked, so it never leaves the prefix. */
    private String key(String id) {
        return keyPrefix + EvidenceStore.checkedId(id);
    }

    /** What went wrong, said for the log and the operator; a missing item as the folder store says it. */
    IOException failure(String doing, SdkException e) {
        String where = "the evidence " + description;
        if (!(e instanceof S3Exception s3)) {
            return new IOException("Cannot " + doing + " " + where + ": it could not be reached (" + e.getMessage() + ")",
                    e);
        }
        String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
        if (e instanceof NoSuchKeyException || "NoSuchKey".equals(code)) {
            return new FileNotFoundException("Cannot " + doing + " " + where + ": there is no such item");
        }
        String reason;
        if ("NoSuchBucket".equals(code) || (code == null && s3.statusCode() == 404)) {
            reason = "the bucket does not exist (create it: the app never does)";
        } else if (s3.statusCode() == 401 || s3.statusCode() == 403) {
            reason = "access was refused (" + (code == null ? s3.statusCode() : code) + "): check"
                    + " dispute.evidence.s3.access-key and secret-key and what they may do in the bucket";
        } else {
            reason = "it answered " + s3.statusCode() + (code == null ? "" : " " + code);
        }
        return new IOException("Cannot " + doing + " " + where + ": " + reason, e);
    }

    /** The staged file's SHA-256 as S3 wants it (Base64), so the server refuses bytes that changed on the way. */
    private static String sha256Base64(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
