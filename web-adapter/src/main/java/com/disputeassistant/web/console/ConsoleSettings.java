package com.disputeassistant.web.console;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dispute.console}: the staff who may sign in, and how repeated failed sign-ins are slowed down.
 *
 * @param accounts         staff accounts; none means nobody can sign in
 * @param maxFailedLogins  failed sign-ins in a row after which an account is locked
 * @param lockout          how long it stays locked; the count starts again after it
 * @param oidc             sign-in with an OpenID Connect provider; off while its issuer URI is blank
 */
@ConfigurationProperties("dispute.console")
public record ConsoleSettings(@DefaultValue List<Account> accounts, @DefaultValue("5") int maxFailedLogins,
                              @DefaultValue("15m") Duration lockout, @DefaultValue Oidc oidc) {

    /**
     * Sign-in with any OpenID Connect provider (Google, Microsoft Entra ID, Keycloak, Okta...). The
     * provider signs the person in; one claim of what it says about them picks the staff account whose
     * {@code oidc} is that value, which gives the role and the identities as for a local account.
     *
     * @param issuerUri    the provider's issuer, e.g. {@code https://accounts.google.com}; blank: off
     * @param clientId     the console's client id at the provider
     * @param clientSecret its client secret
     * @param claim        {@code email} (only an address the provider says it verified) or {@code sub}
     * @param providerName the provider as the sign-in page names it ("Sign in with ...")
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, @DefaultValue("email") String claim,
                       @DefaultValue("OpenID Connect") String providerName) {

        /** Whether OpenID Connect sign-in is configured at all. */
        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }

    /**
     * One local account.
     *
     * @param username     what the person types to sign in
     * @param passwordHash bcrypt hash of the password, as {@code hash-password} prints it ({@code {bcrypt}$2a$...});
     *                     blank for someone who signs in with OpenID Connect only
     * @param role         {@code mediator} or {@code supervisor}
     * @param identities   the mediator identities this person is ({@code web:maria}, {@code slack:T1/U2}), each in
     *                     {@code dispute.procedure.mediators}; the first {@code web:} one is the one the console acts as
     * @param oidc         the value of the OpenID Connect claim ({@code dispute.console.oidc.claim}) that is this
     *                     person, e.g. {@code maria@example.org}; blank: no OpenID Connect sign-in for them
     */
    public record Account(String username, String passwordHash, @DefaultValue("mediator") String role,
                          @DefaultValue List<String> identities, String oidc) {
    }
}
