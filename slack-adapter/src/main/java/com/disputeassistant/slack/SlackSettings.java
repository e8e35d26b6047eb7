package com.disputeassistant.slack;

import com.disputeassistant.outbox.SendLimits;
import com.disputeassistant.outbox.SendPacing;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Slack channel's settings ({@code dispute.slack.*}, usually from {@code SLACK_*} variables).
 *
 * @param botToken      bot token ({@code xoxb-}); blank leaves the channel disabled
 * @param appToken      app-level token ({@code xapp-}); when set, events come through Socket Mode
 * @param signingSecret verifies HTTP mode requests; required when {@code appToken} is blank
 * @param apiUrl        the Web API base URL, ending in {@code /} (tests point it at a fake server)
 * @param messageInterval the least time between two messages to one person (Slack allows about one a second)
 * @param mediatorsChannel the id of the mediators' room ({@code C...} or, private, {@code G...}); blank: mediators
 *                         get direct messages
 */
@ConfigurationProperties("dispute.slack")
record SlackSettings(String botToken, String appToken, String signingSecret, String apiUrl,
                     @DefaultValue("1s") Duration messageInterval, String mediatorsChannel) {
    static final String DEFAULT_API_URL = "https://slack.com/api/";
    /** A channel id as Slack shows it (channel details, at the bottom), not a channel name. */
    private static final java.util.regex.Pattern CHANNEL_ID = java.util.regex.Pattern.compile("[CG][A-Z0-9]{2,40}");

    SlackSettings {
        botToken = blankToEmpty(botToken);
        appToken = blankToEmpty(appToken);
        signingSecret = blankToEmpty(signingSecret);
        apiUrl = blankToEmpty(apiUrl).isEmpty() ? DEFAULT_API_URL : apiUrl.strip();
        messageInterval = messageInterval == null ? Duration.ofSeconds(1) : messageInterval;
        mediatorsChannel = blankToEmpty(mediatorsChannel);
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
    }

    boolean enabled() {
        return !botToken.isEmpty();
    }

    boolean socketMode() {
        return !appToken.isEmpty();
    }

    /** Fails the start with what to do, rather than run an HTTP endpoint that anyone could call. */
    void requireUsable() {
        if (!socketMode() && signingSecret.isEmpty()) {
            throw new IllegalStateException("Slack is enabled (SLACK_BOT_TOKEN is set) in HTTP mode, but "
                    + "SLACK_SIGNING_SECRET is not set, so requests to /slack/events could not be verified. Set "
                    + "SLACK_SIGNING_SECRET (Basic Information > App Credentials in the Slack app's settings), "
                    + "or set SLACK_APP_TOKEN to use Socket Mode instead.");
        }
        if (!mediatorsChannel.isEmpty() && !CHANNEL_ID.matcher(mediatorsChannel).matches()) {
            throw new IllegalStateException("SLACK_MEDIATORS_CHANNEL is \"" + mediatorsChannel + "\", which is not "
                    + "a Slack channel id. Set it to the id of the mediators' channel (such as C0123ABCD: open the "
                    + "channel's details, the id is at the bottom), or leave it unset to send mediators direct "
                    + "messages.");
        }
    }

    /** Slack's pacing, at this setting's interval per person. */
    SendPacing pacing() {
        return SendPacing.slack().withPerConversation(messageInterval);
    }

    /** Slack's limits as all instances share them, at this setting's interval per channel. */
    SendLimits.Platform sharedLimits() {
        return SendLimits.Platform.slack(messageInterval);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
