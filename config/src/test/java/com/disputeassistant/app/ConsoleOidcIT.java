package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.oidcprovider.TestOidcProvider;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/**
 * Signing in to the console with OpenID Connect, against a real provider the test starts on a loopback
 * port (Spring Authorization Server, {@link TestOidcProvider}): the whole authorization-code flow over
 * HTTP, as a browser follows it (redirects, the provider's own sign-in form with its CSRF token, cookies
 * per site). The person whose verified e-mail address an account names lands on the console as that
 * account; someone the provider knows and no account names is refused with a page that says so.
 */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
class ConsoleOidcIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final int APP_PORT = freePort();
    private static final int PROVIDER_PORT = freePort();
    private static ConfigurableApplicationContext provider;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        provider = TestOidcProvider.start(PROVIDER_PORT,
                "http://127.0.0.1:" + APP_PORT + "/console/login/oauth2/code/oidc");
        registry.add("server.port", () -> APP_PORT);
        registry.add("management.server.port", () -> 0);
        registry.add("dispute.redis.url", RedisTestSupport::redisUrl);
        registry.add("dispute.redis.key-prefix", () -> PREFIX);
        registry.add("dispute.procedure.mediators", () -> "web:maria Maria Lopez,web:sam");
        registry.add("dispute.console.accounts[0].username", () -> "maria");
        registry.add("dispute.console.accounts[0].role", () -> "mediator");
        registry.add("dispute.console.accounts[0].identities", () -> "web:maria");
        registry.add("dispute.console.accounts[0].oidc", () -> "maria.lopez@example.org");
        registry.add("dispute.console.oidc.issuer-uri", () -> "http://localhost:" + PROVIDER_PORT);
        registry.add("dispute.console.oidc.client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add("dispute.console.oidc.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add("dispute.console.oidc.provider-name", () -> "Example ID");
    }

    @Autowired
    UnifiedJedis redis;

    @AfterEach
    void deleteWhatTheTestWrote() {
        RedisTestSupport.deleteKeys(redis, PREFIX);
    }

    @AfterAll
    static void stopTheProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theSignInPageOffersTheProvider() {
        Browser browser = new Browser();
        assertThat(browser.get(app("/console/login")).body()).contains("Sign in with Example ID")
                .contains("href=\"/console/oauth2/authorization/oidc\"");
    }

    @Test
    void aPersonWhoseVerifiedAddressAnAccountNamesSignsInAsThatMediator() {
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.signInAtTheProvider("maria.lopez");

        assertThat(landed.uri().toString()).isEqualTo(app("/console"));
        assertThat(landed.body()).contains("Signed in as maria (mediator)").contains("You act as web:maria");
        // A mediator, not a supervisor: the reports stay closed.
        assertThat(browser.get(app("/console/reports")).statusCode()).isEqualTo(403);
    }

    @Test
    void someoneTheProviderKnowsButNoAccountNamesIsRefusedWithAPageThatSaysSo() {
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.signInAtTheProvider("mallory");

        assertThat(landed.uri().toString()).isEqualTo(app("/console/login?unknown"));
        assertThat(landed.body()).contains("The sign-in provider knows you, but no console account is yours");
        HttpResponse<String> console = browser.get(app("/console"));
        assertThat(console.uri().toString()).isEqualTo(app("/console/login"));
    }

    private static String app(String path) {
        return "http://127.0.0.1:" + APP_PORT + path;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A browser's part without a browser: follows redirects itself and keeps each site's cookies (by host
     * and port, as the app and the provider are two sites here), Secure ones over http too, as browsers
     * do for loopback addresses.
     */
    private static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newHttpClient();
        private final Map<String, Map<String, String>> cookies = new HashMap<>();

        /** Starts the provider's sign-in on the console, signs in there as {@code username}, and follows it back. */
        HttpResponse<String> signInAtTheProvider(String username) {
            HttpResponse<String> login = get(app("/console/oauth2/authorization/oidc"));
            assertThat(login.uri().getPort()).as("at the provider's sign-in form").isEqualTo(PROVIDER_PORT);
            Matcher token = CSRF.matcher(login.body());
            assertThat(token.find()).as("the provider's form has a CSRF token: %s %s", login.statusCode(), login.body()).isTrue();
            String form = "username=" + enc(username) + "&password=" + enc(TestOidcProvider.PASSWORD)
                    + "&_csrf=" + enc(token.group(1));
            return follow(HttpRequest.newBuilder(login.uri())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        HttpResponse<String> get(String url) {
            return follow(HttpRequest.newBuilder(URI.create(url)).GET().build());
        }

        private HttpResponse<String> follow(HttpRequest request) {
            HttpResponse<String> response = send(request);
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(HttpRequest.newBuilder(next).GET().build());
            }
            return response;
        }

        private HttpResponse<String> send(HttpRequest request) {
            String site = request.uri().getHost() + ":" + request.uri().getPort();
            Map<String, String> jar = cookies.computeIfAbsent(site, s -> new HashMap<>());
            // As a browser asks: the provider sends a page (its sign-in form) only to one that accepts HTML.
            HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Accept", "text/html,application/xhtml+xml");
            if (!jar.isEmpty()) {
                withCookies.header("Cookie", String.join("; ", jar.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            try {
                HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int equals = pair.indexOf('=');
                    jar.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
