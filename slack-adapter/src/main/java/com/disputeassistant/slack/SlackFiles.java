package com.disputeassistant.slack;

import com.disputeassistant.evidence.IncomingFile;
import com.slack.api.model.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The files of a Slack {@code file_share}, as {@link IncomingFile}s for the inbound path, and their
 * download: {@code url_private_download} (else {@code url_private}) with the bot token as a Bearer header,
 * which needs the {@code files:read} scope.
 *
 * <p>The token goes only to Slack: to a {@code https://…slack.com} address, or to the host of the
 * configured Web API (a test's fake). Slack answers a request it does not accept with a redirect to its
 * sign-in page rather than an error, so a redirect, and an HTML page for a file that is not HTML, are
 * failures here, not the file. The token is never part of a failure's message.
 */
final class SlackFiles {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String botToken;
    /** The configured Web API, whose host may serve files too (a fake, an enterprise proxy). */
    private final URI api;

    SlackFiles(String botToken, String apiUrl) {
        this.botToken = botToken;
        this.api = URI.create(apiUrl);
    }

    /** What the event says of its files; a file without an address to fetch it is left out. */
    static List<SlackWork.SharedFile> described(List<File> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(Objects::nonNull)
                .map(f -> new SlackWork.SharedFile(f.getId(), f.getName() == null ? f.getTitle() : f.getName(),
                        f.getMimetype(), f.getSize() == null ? IncomingFile.UNKNOWN_SIZE : f.getSize(),
                        f.getUrlPrivateDownload() != null ? f.getUrlPrivateDownload() : f.getUrlPrivate()))
                .filter(f -> f.url() != null && !f.url().isBlank())
                .toList();
    }

    /** The files for the inbound path, each fetched when the intake asks. */
    List<IncomingFile> incoming(List<SlackWork.SharedFile> files) {
        return files.stream().map(f -> new IncomingFile(f.name(), f.mimetype(), f.size(), () -> download(f)))
                .toList();
    }

    private InputStream download(SlackWork.SharedFile file) throws IOException {
        URI url;
        try {
            url = URI.create(file.url());
        } catch (IllegalArgumentException e) {
            throw new IOException("file " + file.id() + " has no usable address");
        }
        if (!isSlacks(url)) {
            throw new IOException("file " + file.id() + " is not on Slack (" + url.getHost() + "): the token stays here");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + botToken).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching file " + file.id());
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean signInPage = type.startsWith("text/html") && !String.valueOf(file.mimetype()).startsWith("text/html");
        if (status != 200 || signInPage) {
            response.body().close();
            throw new IOException("Slack did not give file " + file.id() + ": HTTP " + status
                    + (signInPage || (status >= 300 && status < 400) ? " (its sign-in page: has the app the files:read scope?)" : ""));
        }
        return response.body();
    }

    /** Slack's own hosts over HTTPS, or the configured Web API's host. */
    private boolean isSlacks(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals(String.valueOf(api.getHost()).toLowerCase(Locale.ROOT)) && url.getPort() == api.getPort()
                && Objects.equals(url.getScheme(), api.getScheme())) {
            return true;
        }
        return "https".equals(url.getScheme()) && (host.equals("slack.com") || host.endsWith(".slack.com"));
    }
}
