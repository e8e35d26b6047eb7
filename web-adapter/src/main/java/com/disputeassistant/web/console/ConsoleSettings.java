package com.disputeassistant.web.console;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dispute.console}: the staff who may sign in, and how repeated failed sign-ins are slowed down.
 *
 * @param accounts         local accounts; none means nobody can sign in
 * @param maxFailedLogins  failed sign-ins in a row after which an account is locked
 * @param lockout          how long it stays locked; the count starts again after it
 */
@ConfigurationProperties("dispute.console")
public record ConsoleSettings(@DefaultValue List<Account> accounts, @DefaultValue("5") int maxFailedLogins,
                              @DefaultValue("15m") Duration lockout) {

    /**
     * One local account.
     *
     * @param username     what the person types to sign in
     * @param passwordHash bcrypt hash of the password, as {@code hash-password} prints it ({@code {bcrypt}$2a$...})
     * @param role         {@code mediator} or {@code supervisor}
     * @param identities   the mediator identities this person is ({@code web:maria}, {@code slack:T1/U2}), each in
     *                     {@code dispute.procedure.mediators}; the first {@code web:} one is the one the console acts as
     */
    public record Account(String username, String passwordHash, @DefaultValue("mediator") String role,
                          @DefaultValue List<String> identities) {
    }
}
