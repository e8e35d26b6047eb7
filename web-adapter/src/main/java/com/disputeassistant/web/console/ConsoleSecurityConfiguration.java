package com.disputeassistant.web.console;

import com.disputeassistant.procedure.ProcedureSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import redis.clients.jedis.UnifiedJedis;

/**
 * Who may use the console, and how they sign in. One {@link SecurityFilterChain} that matches
 * {@code /console/**} and nothing else, so it composes with the other surfaces' chains (the marketplace
 * API's keys, the actuator's): paths no chain matches, such as the platforms' webhooks that authenticate
 * by their own signatures, are left exactly as they were.
 *
 * <ul>
 *   <li>Form sign-in with the local accounts ({@link StaffDirectory}), bcrypt-hashed passwords; and, when
 *       configured, OpenID Connect sign-in ({@link ConsoleOidc}) onto the same accounts.</li>
 *   <li>Every console page needs a signed-in mediator or supervisor; reports need a supervisor (403
 *       otherwise). Not signed in: a redirect to the sign-in page.</li>
 *   <li>CSRF tokens on every form (Spring Security's default, kept in the session); sign-out is a POST.</li>
 *   <li>A lockout after repeated failed sign-ins ({@link LoginThrottle}), the same for unknown usernames.</li>
 *   <li>The session id changes at sign-in; its cookie's flags are set in {@code server.servlet.session}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ConsoleSettings.class)
class ConsoleSecurityConfiguration {
    static final String LOGIN = "/console/login";
    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    @Bean
    StaffDirectory staffDirectory(ConsoleSettings settings, ProcedureSettings procedure) {
        StaffDirectory directory = StaffDirectory.of(settings, procedure);
        if (directory.size() == 0) {
            log.info("The mediator console at /console has no accounts, so nobody can sign in; add some under "
                    + "dispute.console.accounts (README.md, \"Console\")");
        } else {
            log.info("The mediator console at /console has {} local account(s)", directory.size());
        }
        return directory;
    }

    /** OpenID Connect sign-in, or null while {@code dispute.console.oidc.issuer-uri} is blank. */
    @Bean
    ConsoleOidc consoleOidc(ConsoleSettings settings, StaffDirectory directory) {
        ConsoleOidc oidc = ConsoleOidc.of(settings.oidc(), directory).orElse(null);
        log.info(oidc == null ? "OpenID Connect sign-in to the console is off (dispute.console.oidc.issuer-uri is blank)"
                : "OpenID Connect sign-in to the console is on, with " + settings.oidc().issuerUri());
        return oidc;
    }

    @Bean
    LoginThrottle loginThrottle(UnifiedJedis redis, ConsoleSettings settings,
                                @Value("${dispute.redis.key-prefix:da:}") String keyPrefix) {
        return new LoginThrottle(redis, keyPrefix, settings.maxFailedLogins(), settings.lockout());
    }

    /**
     * The console's own authentication. A bean, so that Spring Boot does not make up a default user with
     * a generated password; the chain below names it explicitly, so other chains are not affected.
     */
    @Bean
    DaoAuthenticationProvider staffAuthenticationProvider(StaffDirectory directory, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(username -> {
            // An account without a password signs in with OpenID Connect only.
            StaffMember member = directory.find(username).filter(StaffMember::hasPassword)
                    .orElseThrow(() -> new UsernameNotFoundException("no such account"));
            return User.withUsername(member.username()).password(member.passwordHash())
                    .authorities(member.authorities()).accountLocked(throttle.isLocked(username)).build();
        });
        DelegatingPasswordEncoder encoder =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        // A hash pasted without its {bcrypt} id is still read as bcrypt.
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    @Bean
    @Order(20)
    SecurityFilterChain consoleSecurity(HttpSecurity http, DaoAuthenticationProvider staffAuthenticationProvider,
                                        LoginThrottle throttle, ObjectProvider<ConsoleOidc> oidc) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toConsole = new SavedRequestAwareAuthenticationSuccessHandler();
        toConsole.setDefaultTargetUrl("/console");
        http.securityMatcher("/console", "/console/**")
                .authenticationProvider(staffAuthenticationProvider)
                .authorizeHttpRequests(requests -> requests
                        // An SSE stream's later dispatches: its first request was authorised already.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(LOGIN, "/console/console.css", "/console/console.js",
                                ConsoleOidc.AUTHORIZATION_BASE + "/**").permitAll()
                        .requestMatchers("/console/reports", "/console/reports/**").hasRole(StaffRole.SUPERVISOR.name())
                        .anyRequest().hasAnyRole(StaffRole.MEDIATOR.name(), StaffRole.SUPERVISOR.name()))
                .formLogin(form -> form.loginPage(LOGIN).permitAll()
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(authentication.getName());
                            toConsole.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            String username = request.getParameter("username");
                            if (!(exception instanceof LockedException)) {
                                throttle.failed(username);
                            }
                            boolean locked = exception instanceof LockedException || throttle.isLocked(username);
                            response.sendRedirect(request.getContextPath() + LOGIN + (locked ? "?locked" : "?error"));
                        }))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?signed-out")
                        .deleteCookies("JSESSIONID"))
                // No invalid-session redirect: it would answer a form posted without a CSRF token by a
                // redirect instead of 403. A stale session is simply not signed in: off to the sign-in page.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")));
        ConsoleOidc openId = oidc.getIfAvailable();
        if (openId != null) {
            http.oauth2Login(login -> login.loginPage(LOGIN)
                    .clientRegistrationRepository(openId.registrations())
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(ConsoleOidc.AUTHORIZATION_BASE))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(ConsoleOidc.CALLBACK))
                    .userInfoEndpoint(users -> users.oidcUserService(openId.users()))
                    .successHandler(toConsole)
                    .failureHandler((request, response, exception) -> {
                        boolean notStaff = exception instanceof OAuth2AuthenticationException refused
                                && ConsoleOidc.NOT_STAFF.equals(refused.getError().getErrorCode());
                        if (!notStaff) {
                            // The provider's or the flow's reason (no token or secret is in it), for whoever runs the app.
                            log.warn("OpenID Connect sign-in failed: {}", exception.getMessage());
                        }
                        response.sendRedirect(request.getContextPath() + LOGIN + (notStaff ? "?unknown" : "?oidc-failed"));
                    }));
        }
        return http.build();
    }
}
