package com.disputeassistant.app.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** API keys for the tests, with their hashes computed here (not by the app), and a small HTTP client. */
final class ApiTestKeys {
    static final String SHOP_KEY = "da_" + "5e".repeat(32);
    static final String OPS_KEY = "da_" + "0f".repeat(32);

    private ApiTestKeys() {
    }

    /** The setting dispute.api.keys for both keys. */
    static String setting() {
        return "shop:" + sha256Hex(SHOP_KEY) + ",ops:" + sha256Hex(OPS_KEY);
    }

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls the app on a port, with a key (or none, for null). */
    record Api(int port, String key) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        HttpResponse<String> call(String method, String path, String body, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            }
        }

        HttpResponse<String> put(String path, String body, String... headers) {
            return call("PUT", path, body, headers);
        }

        HttpResponse<String> get(String path) {
            return call("GET", path, null);
        }

        HttpResponse<String> delete(String path) {
            return call("DELETE", path, null);
        }
    }
}
