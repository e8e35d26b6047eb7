package com.disputeassistant.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class StaffDirectoryTest {
    private static final String HASH = "$2a$10$" + "a".repeat(53);
    private static final ProcedureSettings PROCEDURE = ProcedureSettings.defaults().withMediators(
            Set.of(ChannelIdentity.of("web:maria"), ChannelIdentity.of("slack:T1/U2")));

    private static ConsoleSettings settings(ConsoleSettings.Account... accounts) {
        return new ConsoleSettings(List.of(accounts), 5, Duration.ofMinutes(15),
                new ConsoleSettings.Oidc(null, null, null, "email", "OpenID Connect"));
    }

    @Test
    void anAccountMapsToTheMediatorIdentitiesItIsAndActsAsItsWebOne() {
        StaffDirectory directory = StaffDirectory.of(settings(new ConsoleSettings.Account("maria", "{bcrypt}" + HASH,
                "Supervisor", List.of("slack:T1/U2", "web:maria"), null)), PROCEDURE);

        StaffMember maria = directory.find("MARIA").orElseThrow();
        assertThat(maria.role()).isEqualTo(StaffRole.SUPERVISOR);
        assertThat(maria.actsAs()).isEqualTo(ChannelIdentity.of("web:maria"));
        assertThat(maria.is("slack:T1/U2")).isTrue();
        assertThat(maria.is("web:omar")).isFalse();
    }

    @Test
    void anEmptySlotIsNoAccount() {
        StaffDirectory directory = StaffDirectory.of(settings(new ConsoleSettings.Account("", "", "mediator", List.of(), null),
                new ConsoleSettings.Account("maria", HASH, "mediator", List.of("web:maria"), null)), PROCEDURE);

        assertThat(directory.size()).isEqualTo(1);
    }

    @Test
    void everyProblemIsListedAtOnceSayingWhatToChange() {
        assertThatThrownBy(() -> StaffDirectory.of(settings(
                new ConsoleSettings.Account("maria", "secret", "mediator", List.of("web:maria"), null),
                new ConsoleSettings.Account("MARIA", HASH, "mediator", List.of("web:maria"), null),
                new ConsoleSettings.Account("omar", HASH, "boss", List.of("web:omar", "nonsense"), null),
                new ConsoleSettings.Account("lee", HASH, "mediator", List.of("slack:T1/U2"), null),
                new ConsoleSettings.Account("bad name", HASH, "mediator", List.of("web:maria"), null)), PROCEDURE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("8 problems")
                .hasMessageContaining("(maria): password-hash must be a bcrypt hash; make one with 'java -jar dispute-assistant.jar hash-password'")
                .hasMessageContaining("(MARIA): the username is used twice")
                .hasMessageContaining("(omar): role 'boss' must be mediator or supervisor")
                .hasMessageContaining("(omar): web:omar is not in dispute.procedure.mediators")
                .hasMessageContaining("(omar): identity 'nonsense' must be written channel:id")
                .hasMessageContaining("(lee): needs a web: identity")
                .hasMessageContaining("username 'bad name' must be")
                .hasMessageNotContaining("secret");
    }

    @Test
    void anAccountCanSignInWithOpenIdConnectOnlyAndTheClaimPicksIt() {
        StaffDirectory directory = StaffDirectory.of(settings(
                new ConsoleSettings.Account("maria", "", "mediator", List.of("web:maria"), "Maria@Example.org")), PROCEDURE);
        ConsoleOidc oidc = ConsoleOidc.of(new ConsoleSettings.Oidc("https://id.example.org", "console", "s3cret",
                "email", "Example ID"), directory).orElseThrow();

        assertThat(directory.find("maria").orElseThrow().hasPassword()).isFalse();
        assertThat(oidc.member(Map.of("email", "maria@example.org", "email_verified", true)))
                .map(StaffMember::username).contains("maria");
        // An address the provider did not verify names nobody; nor does one no account has.
        assertThat(oidc.member(Map.of("email", "maria@example.org", "email_verified", false))).isEmpty();
        assertThat(oidc.member(Map.of("email", "maria@example.org"))).isEmpty();
        assertThat(oidc.member(Map.of("email", "omar@example.org", "email_verified", true))).isEmpty();
    }

    @Test
    void openIdConnectIsOffWithoutAnIssuerAndRefusesIncompleteSettingsAllAtOnce() {
        StaffDirectory directory = StaffDirectory.of(settings(), PROCEDURE);
        assertThat(ConsoleOidc.of(new ConsoleSettings.Oidc("", null, null, "email", "x"), directory)).isEmpty();
        assertThatThrownBy(() -> ConsoleOidc.of(new ConsoleSettings.Oidc("http://id.example.org", "", null, "name", "x"),
                directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("issuer-uri 'http://id.example.org' must be the provider's https:// issuer")
                .hasMessageContaining("client-id is needed")
                .hasMessageContaining("client-secret is needed")
                .hasMessageContaining("claim 'name' must be email or sub");
        assertThatThrownBy(() -> StaffDirectory.of(settings(
                new ConsoleSettings.Account("maria", "", "mediator", List.of("web:maria"), null)), PROCEDURE))
                .hasMessageContaining("(maria): needs a password-hash");
    }

    @Test
    void theHashCommandPrintsAHashThatMatchesThePasswordAndNeverThePassword() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(HashPassword.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        } finally {
            System.setIn(stdin);
        }
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("{bcrypt}$2a$12$").doesNotContain("password");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("a long enough password", hash)).isTrue();
        StaffDirectory.of(settings(new ConsoleSettings.Account("maria", hash, "mediator", List.of("web:maria"), null)), PROCEDURE);
    }

    @Test
    void theHashCommandRefusesAShortPassword() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(HashPassword.run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        } finally {
            System.setIn(stdin);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12 characters");
    }
}
