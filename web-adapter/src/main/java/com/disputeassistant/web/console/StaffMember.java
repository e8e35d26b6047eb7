package com.disputeassistant.web.console;

import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.List;

/**
 * A staff account as the console uses it once checked: who signs in, their role, and the mediator
 * identities they are. {@code actsAs} is their {@code web:} identity: the console acts as it, and the
 * engine's answers to them land in its inbox.
 */
record StaffMember(String username, String passwordHash, StaffRole role, List<ChannelIdentity> identities,
                   ChannelIdentity actsAs) {

    /** Whether a dispute held by this mediator identity is this person's, whichever channel it was claimed on. */
    boolean is(String mediatorIdentity) {
        return identities.stream().anyMatch(identity -> identity.toString().equals(mediatorIdentity));
    }
}
