package com.disputeassistant.web.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in with an OpenID Connect provider ({@code dispute.console.oidc}): the provider says who the person
 * is, one claim of that ({@code email} or {@code sub}) picks the staff account, and the account gives the
 * role and the mediator identities, as for a local account. Someone the provider knows but no account
 * names is refused, with a page that says so.
 *
 * <p>The provider's addresses are read from its discovery document when someone first signs in, not at
 * start, so the application starts (and local accounts work) while the provider cannot be reached.
 */
final class ConsoleOidc {
    /** The registration's id: the last part of {@code /console/oauth2/authorization/oidc}. */
    static final String REGISTRATION = "oidc";
    static final String AUTHORIZATION_BASE = "/console/oauth2/authorization";
    static final String CALLBACK = "/console/login/oauth2/code/*";
    /** The error code of a person the provider knows and no account names. */
    static final String NOT_STAFF = "not_staff";
    private static final Logger log = LoggerFactory.getLogger(ConsoleOidc.class);

    private final ConsoleSettings.Oidc settings;
    private final StaffDirectory directory;
    private volatile ClientRegistration registration;

    private ConsoleOidc(ConsoleSettings.Oidc settings, StaffDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    /** Checks the settings once at start: every problem at once, each saying what to change. */
    static Optional<ConsoleOidc> of(ConsoleSettings.Oidc settings, StaffDirectory directory) {
        if (settings == null || !settings.enabled()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        URI issuer = null;
        try {
            issuer = URI.create(settings.issuerUri().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (issuer == null || issuer.getHost() == null
                || !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()) && isLoopback(issuer))) {
            problems.add("dispute.console.oidc.issuer-uri '" + settings.issuerUri() + "' must be the provider's "
                    + "https:// issuer, like https://accounts.google.com (http:// only for localhost)");
        }
        if (isBlank(settings.clientId())) {
            problems.add("dispute.console.oidc.client-id is needed: the console's client id at the provider");
        }
        if (isBlank(settings.clientSecret())) {
            problems.add("dispute.console.oidc.client-secret is needed: the console's client secret at the provider");
        }
        if (!List.of("email", "sub").contains(claim(settings))) {
            problems.add("dispute.console.oidc.claim '" + settings.claim() + "' must be email or sub");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cannot use OpenID Connect sign-in (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        }
        return Optional.of(new ConsoleOidc(settings, directory));
    }

    private static boolean isLoopback(URI uri) {
        return List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String claim(ConsoleSettings.Oidc settings) {
        return settings.claim() == null ? "email" : settings.claim().strip().toLowerCase(Locale.ROOT);
    }

    String providerName() {
        return settings.providerName();
    }

    /**
     * The one registration, read from the provider's discovery document at the first use and kept; while
     * the provider cannot be reached there is none (the sign-in page then says so) and the next use tries again.
     */
    ClientRegistrationRepository registrations() {
        return id -> REGISTRATION.equals(id) ? registration().orElse(null) : null;
    }

    private Optional<ClientRegistration> registration() {
        ClientRegistration known = registration;
        if (known != null) {
            return Optional.of(known);
        }
        try {
            known = ClientRegistrations.fromIssuerLocation(settings.issuerUri().strip())
                    .registrationId(REGISTRATION)
                    .clientId(settings.clientId().strip())
                    .clientSecret(settings.clientSecret().strip())
                    .scope("openid", "email", "profile")
                    .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                    .userNameAttributeName("sub")
                    .build();
        } catch (RuntimeException e) {
            log.warn("Cannot read the OpenID Connect provider's discovery document at {}: {}",
                    settings.issuerUri(), e.getMessage());
            return Optional.empty();
        }
        registration = known;
        return Optional.of(known);
    }

    /** Loads who the provider says signed in, and makes them the staff member the claim names, or refuses. */
    OAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            return new StaffOidcUser(user, member(user.getClaims()).orElseThrow(() -> {
                log.info("OpenID Connect sign-in refused: no console account has oidc set to the {} signed in",
                        claim(settings));
                return new OAuth2AuthenticationException(new OAuth2Error(NOT_STAFF,
                        "no console account for this person", null));
            }));
        };
    }

    /** The account the claim names; an e-mail address counts only if the provider says it verified it. */
    Optional<StaffMember> member(Map<String, Object> claims) {
        if (claim(settings).equals("email") && !Boolean.TRUE.equals(verified(claims.get("email_verified")))) {
            return Optional.empty();
        }
        Object value = claims.get(claim(settings));
        return value instanceof String text ? directory.findByOidc(text) : Optional.empty();
    }

    private static Boolean verified(Object claim) {
        return claim instanceof Boolean flag ? flag : claim instanceof String text ? Boolean.valueOf(text) : null;
    }

    /**
     * The provider's person as the console's staff member: named by their console username, so that every
     * page finds their account as for a local sign-in, with their role's authorities.
     */
    record StaffOidcUser(OidcUser user, StaffMember member) implements OidcUser {
        @Override
        public Map<String, Object> getClaims() {
            return user.getClaims();
        }

        @Override
        public OidcUserInfo getUserInfo() {
            return user.getUserInfo();
        }

        @Override
        public OidcIdToken getIdToken() {
            return user.getIdToken();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return user.getAttributes();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return member.authorities();
        }

        @Override
        public String getName() {
            return member.username();
        }
    }
}
