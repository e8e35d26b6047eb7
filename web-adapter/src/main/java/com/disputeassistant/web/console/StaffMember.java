package com.disputeassistant.web.console;

import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A staff account as the console uses it once checked: who signs in, their role, and the mediator
 * identities they are. {@code actsAs} is their {@code web:} identity: the console acts as it, and the
 * engine's answers to them land in its inbox.
 */
record StaffMember(String username, String passwordHash, StaffRole role, List<ChannelIdentity> identities,
                   ChannelIdentity actsAs) {

    /** Whether this person may sign in with a password (else with OpenID Connect only). */
    boolean hasPassword() {
        return passwordHash != null && !passwordHash.isEmpty();
    }

    /** The Spring Security authorities of the role: a supervisor is a mediator too. */
    List<SimpleGrantedAuthority> authorities() {
        return (role == StaffRole.SUPERVISOR ? List.of(StaffRole.SUPERVISOR, StaffRole.MEDIATOR) : List.of(role))
                .stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    /** Whether a dispute held by this mediator identity is this person's, whichever channel it was claimed on. */
    boolean is(String mediatorIdentity) {
        return identities.stream().anyMatch(identity -> identity.toString().equals(mediatorIdentity));
    }
}
