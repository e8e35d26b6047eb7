package com.disputeassistant.marketplace;

import java.util.List;
import java.util.Optional;

/**
 * Port to the channel identities a person linked at run time, beyond those the marketplace lists: a
 * Telegram account linked with a signed code from the marketplace, a Slack user matched by a verified
 * e-mail address. A channel adapter links an identity only after it has verified who the user is.
 */
public interface IdentityLinks {

    /** The person this identity was linked to, if any. */
    Optional<PersonId> personOf(ChannelIdentity identity);

    /** The identities linked to this person, the most recently linked first. */
    List<ChannelIdentity> linkedTo(PersonId person);

    /**
     * Links the identity to the person, replacing an earlier link of the same identity; the person is
     * then reached on this identity first.
     */
    void link(ChannelIdentity identity, PersonId person);
}
