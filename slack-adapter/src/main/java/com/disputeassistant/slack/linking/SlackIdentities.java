package com.disputeassistant.slack.linking;

import com.disputeassistant.inbound.ConfirmedEmails;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is to the bot. The engine knows people by channel identity, and a Slack user's is
 * always {@code slack:<team id>/<user id>}, inbound and outbound alike. A user the marketplace does not
 * list can be linked by the e-mail address Slack has confirmed for them ({@code users.info}, scope
 * {@code users:read.email}): the inbound path links them when it is that of exactly one account.
 */
public final class SlackIdentities implements ConfirmedEmails {
    private static final Logger log = LoggerFactory.getLogger(SlackIdentities.class);

    private final MethodsClient slack;

    /** @param slack a Web API client holding the bot token */
    public SlackIdentities(MethodsClient slack) {
        this.slack = slack;
    }

    /** The identity the engine knows this Slack user by. */
    public static ChannelIdentity identity(String team, String user) {
        return new ChannelIdentity("slack", team + "/" + user);
    }

    /** The Slack user id in a {@code slack:<team>/<user>} identity: what to post to, to reach their DM. */
    public static String userOf(ChannelIdentity identity) {
        String id = identity.id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    @Override
    public String channel() {
        return "slack";
    }

    @Override
    public Optional<String> confirmedEmail(ChannelIdentity identity) {
        String user = userOf(identity);
        try {
            UsersInfoResponse info = slack.usersInfo(r -> r.user(user));
            if (!info.isOk()) {
                log.warn("users.info for {} failed: {} (does the app have users:read and users:read.email?)",
                        user, info.getError());
                return Optional.empty();
            }
            User u = info.getUser();
            if (u == null || u.isBot() || u.isDeleted() || !u.isEmailConfirmed() || u.getProfile() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(u.getProfile().getEmail()).filter(email -> !email.isBlank());
        } catch (IOException | SlackApiException e) {
            log.warn("users.info for {} failed: {}", user, e.toString());
            return Optional.empty();
        }
    }
}
