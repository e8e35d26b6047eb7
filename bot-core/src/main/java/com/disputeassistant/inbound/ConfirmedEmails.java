package com.disputeassistant.inbound;

import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.Optional;

/**
 * Port to a platform that confirms its users' e-mail addresses (Slack's {@code users.info}), so that a
 * user the marketplace does not list yet can be linked to the one account with that address.
 */
public interface ConfirmedEmails {

    /** The channel whose identities this platform knows, e.g. {@code slack}. */
    String channel();

    /** The address the platform has confirmed for this user; empty if none, or if the platform cannot say. */
    Optional<String> confirmedEmail(ChannelIdentity identity);
}
