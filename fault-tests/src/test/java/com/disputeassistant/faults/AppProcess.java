package com.disputeassistant.faults;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * One app instance in a child JVM ({@code java -cp <this JVM's test class path>
 * com.disputeassistant.app.DisputeAssistantApplication --name=value ...}), so that it can be killed with
 * {@code SIGKILL} like a real process; its log goes to a file, shown when it fails to start.
 */
final class AppProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> settings;
    private volatile int port;
    private final Path log;
    private Process process;

    private AppProcess(Map<String, String> settings, int port, Path log) {
        this.settings = settings;
        this.port = port;
        this.log = log;
    }

    /** Starts an instance with these settings (plus its own free ports) and waits until it is ready. */
    static AppProcess start(String name, Map<String, String> settings) throws IOException {
        AppProcess app = new AppProcess(settings, FreePort.find(), Files.createTempFile("fault-app-" + name, ".log"));
        app.launch();
        return app;
    }

    int port() {
        return port;
    }

    /**
     * Starts the same instance again after a kill, on the same port unless something else took it meanwhile
     * (a free port can be handed out again as a connection's local port), and waits until it is ready.
     */
    void launch() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                launchOnce();
                return;
            } catch (IOException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("already in use")) {
                    throw e;
                }
                port = FreePort.find();
            }
        }
    }

    private void launchOnce() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                "com.disputeassistant.app.DisputeAssistantApplication",
                "--server.port=" + port, "--management.server.port=0",
                "--spring.main.banner-mode=off"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady(Duration.ofSeconds(90));
    }

    /** {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the app exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            RedisProcess.sleep(200);
        }
        throw new IOException("the app was not ready within " + timeout + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Surefire's test class path, with the config module's repackaged (Spring Boot) jar replaced by its
     * classes directory: a plain class loader cannot read classes under BOOT-INF.
     */
    private static String classPath() throws IOException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            File file = new File(entry);
            if (file.isFile() && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(file)) {
                    if (jar.getEntry("BOOT-INF/classes/") != null) {
                        entry = new File(file.getParentFile(), "classes").getPath();
                    }
                }
            }
            entries.add(entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
