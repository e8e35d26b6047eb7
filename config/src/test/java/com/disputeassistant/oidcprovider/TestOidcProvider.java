package com.disputeassistant.oidcprovider;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server with Spring Boot's own setup
 * (discovery, authorization code flow, signed ID tokens, its sign-in form), one registered client and
 * people who sign in with a password. Each person's ID token carries {@code email} =
 * {@code <username>@example.org}, verified.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestOidcProvider {
    public static final String CLIENT_ID = "dispute-console";
    public static final String CLIENT_SECRET = "a test client secret";
    public static final String PASSWORD = "a provider password";

    /** Starts it at {@code http://localhost:<port>}, for a client whose sign-in comes back to {@code redirectUri}. */
    public static ConfigurableApplicationContext start(int port, String redirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.console.";
        SpringApplication provider = new SpringApplication(TestOidcProvider.class);
        provider.setDefaultProperties(Map.ofEntries(
                // Not the application's application.yml: this is another program.
                Map.entry("spring.config.name", "test-oidc-provider"),
                Map.entry("server.port", Integer.toString(port)),
                Map.entry("server.servlet.session.cookie.name", "PROVIDER_SESSION"),
                Map.entry("spring.security.oauth2.authorizationserver.issuer", "http://localhost:" + port),
                Map.entry(client + "registration.client-id", CLIENT_ID),
                Map.entry(client + "registration.client-secret", "{noop}" + CLIENT_SECRET),
                Map.entry(client + "registration.client-authentication-methods", "client_secret_basic"),
                Map.entry(client + "registration.authorization-grant-types", "authorization_code"),
                Map.entry(client + "registration.redirect-uris", redirectUri),
                Map.entry(client + "registration.scopes", "openid,email,profile"),
                Map.entry(client + "require-authorization-consent", "false")));
        return provider.run();
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(
                User.withUsername("maria.lopez").password("{noop}" + PASSWORD).roles("USER").build(),
                User.withUsername("mallory").password("{noop}" + PASSWORD).roles("USER").build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailInTheIdToken() {
        return context -> {
            if ("id_token".equals(context.getTokenType().getValue())) {
                context.getClaims().claim("email", context.getPrincipal().getName() + "@example.org")
                        .claim("email_verified", true);
            }
        };
    }

}
