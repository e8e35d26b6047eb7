package com.disputeassistant.slack.linking;

import com.disputeassistant.inbound.ConfirmedEmails;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is to the bot. The engine knows people by channel identity, and a Slack user's is
 * always {@code slack:<team id>/<user id>}, inbound and outbound alike. A user the marketplace does not
 * list can be linked by the e-mail address Slack has confirmed for them ({@code users.info}, scope
 * {@code users:read.email}): the inbound path links them when it is that of exactly one account.
 *
 * <p>It also knows the language of each Slack user's client (their locale, {@code users.info} with
 * {@code include_locale}), which the engine takes as a hint; asked once per user and kept for
 * {@link #LOCALE_KEPT}, not on every message.
 */
public final class SlackIdentities implements ConfirmedEmails {
    private static final Logger log = LoggerFactory.getLogger(SlackIdentities.class);
    /** How long a user's locale is kept before Slack is asked again: people rarely change it. */
    static final Duration LOCALE_KEPT = Duration.ofHours(12);
    /** Beyond this many users the cache starts afresh, rather than grow without bound. */
    private static final int MAX_LOCALES = 50_000;
    /** Slack's ids are capitals and digits; bounded, as they become part of Redis keys. */
    private static final Pattern SLACK_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    /** A user's locale as last asked: the language it names (null: none the bot speaks) and when it was asked. */
    private record KnownLocale(Language language, long askedAtMillis) {
    }

    private final Map<String, KnownLocale> locales = new ConcurrentHashMap<>();

    private final MethodsClient slack;

    /** @param slack a Web API client holding the bot token */
    public SlackIdentities(MethodsClient slack) {
        this.slack = slack;
    }

    /** The identity the engine knows this Slack user by. */
    /** Whether this is a Slack team or user id as Slack sends them (T0123ABCD, U0123ABCD, W0123ABCD). */
    public static boolean isId(String id) {
        return id != null && SLACK_ID.matcher(id).matches();
    }

    public static ChannelIdentity identity(String team, String user) {
        return new ChannelIdentity("slack", team + "/" + user);
    }

    /** The Slack user id in a {@code slack:<team>/<user>} identity: what to post to, to reach their DM. */
    public static String userOf(ChannelIdentity identity) {
        String id = identity.id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /**
     * The language of the user's Slack client, if it is one the bot speaks: a hint for the engine, which
     * the person's own choice and the marketplace's entry override. Asks Slack only once in a while.
     */
    public Optional<Language> language(String user) {
        long now = System.currentTimeMillis();
        KnownLocale known = locales.get(user);
        if (known != null && now - known.askedAtMillis() < LOCALE_KEPT.toMillis()) {
            return Optional.ofNullable(known.language());
        }
        Language language = null;
        try {
            UsersInfoResponse info = slack.usersInfo(r -> r.user(user).includeLocale(true));
            if (info.isOk() && info.getUser() != null) {
                language = Language.of(info.getUser().getLocale()).orElse(null);
            } else if (!info.isOk()) {
                log.debug("users.info (locale) for {} failed: {}", user, info.getError());
            }
        } catch (IOException | SlackApiException e) {
            // No hint this time: the person is answered in their stored or default language, and asked again later.
            log.debug("users.info (locale) for {} failed: {}", user, e.toString());
            return Optional.ofNullable(known == null ? null : known.language());
        }
        if (locales.size() >= MAX_LOCALES) {
            locales.clear();
        }
        locales.put(user, new KnownLocale(language, now));
        return Optional.ofNullable(language);
    }

    /** The language of the user's Slack client as last asked, without asking Slack (for an answer within 3 s). */
    public Optional<Language> knownLanguage(String user) {
        return Optional.ofNullable(locales.get(user)).map(KnownLocale::language);
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
