package com.disputeassistant.app.evidence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dispute.evidence.s3.*}: the bucket evidence is kept in when {@code dispute.evidence.store} is
 * {@code s3}; documented in {@code application.yml} and README.md ("Evidence"). The secret key never
 * appears in {@link #toString()} (nor, therefore, in any log line).
 *
 * @param endpoint  the S3-compatible server, e.g. {@code http://minio:9000}; blank: Amazon S3 itself
 * @param bucket    the bucket (it must exist; the app never creates one)
 * @param region    the bucket's region; for a compatible server any name it accepts, e.g. {@code us-east-1}
 * @param accessKey the access key id; blank together with the secret key: the AWS SDK's default credentials
 * @param secretKey the secret access key
 * @param pathStyle address the bucket in the path ({@code endpoint/bucket/key}) rather than the host name,
 *                  as most compatible servers need
 * @param prefix    put before every item's id, so one bucket can hold several apps' evidence, e.g. {@code prod/}
 */
record S3Settings(String endpoint, String bucket, String region, String accessKey, String secretKey,
                  @DefaultValue("true") boolean pathStyle, String prefix) {
    /** S3's rules for a bucket name (dots allowed, no underscores or capitals). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
    /** S3's "safe" key characters, and no "." or ".." segments that a compatible server might resolve. */
    private static final String SEGMENT = "[A-Za-z0-9!_*'()-][A-Za-z0-9!_.*'()-]*";
    private static final Pattern PREFIX = Pattern.compile(SEGMENT + "(/" + SEGMENT + ")*/?");

    /** Everything wrong with these settings, each said so that a person can fix it; empty when they are usable. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(bucket)) {
            problems.add("dispute.evidence.s3.bucket (DISPUTE_EVIDENCE_S3_BUCKET) is not set");
        } else if (!BUCKET.matcher(bucket).matches()) {
            problems.add("dispute.evidence.s3.bucket \"" + bucket + "\" is not a bucket name (3 to 63 lower-case"
                    + " letters, digits, dots and dashes)");
        }
        if (blank(region)) {
            problems.add("dispute.evidence.s3.region (DISPUTE_EVIDENCE_S3_REGION) is not set (for an S3-compatible"
                    + " server any name it accepts, such as us-east-1)");
        } else if (!REGION.matcher(region).matches()) {
            problems.add("dispute.evidence.s3.region \"" + region + "\" is not a region name such as eu-central-1");
        }
        if (!blank(endpoint) && endpointUri() == null) {
            problems.add("dispute.evidence.s3.endpoint \"" + endpoint + "\" is not an http:// or https:// URL with a"
                    + " host, such as http://minio:9000");
        }
        if (blank(accessKey) != blank(secretKey)) {
            problems.add("dispute.evidence.s3.access-key and dispute.evidence.s3.secret-key are set together, or"
                    + " both left empty for the AWS SDK's default credentials; only "
                    + (blank(accessKey) ? "the secret key" : "the access key") + " is set");
        }
        if (!blank(prefix) && !PREFIX.matcher(prefix).matches()) {
            problems.add("dispute.evidence.s3.prefix \"" + prefix + "\" may hold only letters, digits and !_.*'()-"
                    + " in segments separated by single slashes, not starting with a slash or a dot");
        }
        return problems;
    }

    /** The endpoint as a URI, or null when it is unset or not an http(s) URL with a host. */
    URI endpointUri() {
        if (blank(endpoint)) {
            return null;
        }
        try {
            URI uri = new URI(endpoint.trim());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Whether the settings name keys of their own, rather than leaving the credentials to the AWS SDK. */
    boolean hasKeys() {
        return !blank(accessKey);
    }

    /** What goes before each id: the prefix, ending in a slash; empty when there is none. */
    String keyPrefix() {
        if (blank(prefix)) {
            return "";
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** Where the files are, for the log: the bucket, its endpoint and prefix, never a key. */
    String describe() {
        return "bucket " + bucket + (blank(endpoint) ? " (Amazon S3, " + region + ")" : " at " + endpoint.trim())
                + (keyPrefix().isEmpty() ? "" : " under " + keyPrefix());
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey="
                + accessKey + ", secretKey=" + (blank(secretKey) ? "(unset)" : "(set)") + ", pathStyle=" + pathStyle
                + ", prefix=" + prefix + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
