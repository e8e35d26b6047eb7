package com.disputeassistant.app.evidence;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: Adobe's S3Mock, its executable jar (copied into
 * {@code target/s3mock} by Maven, see config/pom.xml) run as a child process with {@code java -jar} on a
 * free loopback port, so its own Spring Boot never shares a class path with ours. It keeps objects in a
 * folder of the test's and accepts any access key (it checks no signatures).
 */
public final class S3MockServer implements AutoCloseable {
    public static final String REGION = "us-east-1";
    private static final Path JAR = Path.of("target", "s3mock", "s3mock.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private S3MockServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server keeping its objects under {@code root}, with these buckets, and waits until it answers. */
    public static S3MockServer start(Path root, String... buckets) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests through Maven, whose"
                    + " process-test-resources phase copies S3Mock there");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = JAR.resolveSibling("s3mock-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString(),
                "--server.address=127.0.0.1", "--server.port=0",
                "--com.adobe.testing.s3mock.http-port=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets),
                "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3MockServer server = new S3MockServer(process, port, log);
        // A test JVM that is killed must not leave the server running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        server.awaitAnswer();
        return server;
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    /** The server's address, for {@code dispute.evidence.s3.endpoint}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Settings that reach {@code bucket} on this server, its items under {@code prefix}. */
    S3Settings settings(String bucket, String prefix) {
        return new S3Settings(endpoint().toString(), bucket, REGION, "test-access", "test-secret", true, prefix);
    }

    /** A client of our own, for reaching past the store (to change an object behind its back). */
    public S3Client client() {
        return S3EvidenceStore.client(settings("any", ""));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
