package com.disputeassistant.slack.linking;

import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.procedure.ProcedureSettings;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is to the bot. The engine knows people by channel identity, and a Slack user's is
 * always {@code slack:<team id>/<user id>}, inbound and outbound alike. That identity counts when the
 * marketplace file lists it, when it was linked before, or when it can be linked now: Slack's confirmed
 * e-mail address of the user ({@code users.info}, scope {@code users:read.email}) is the e-mail address
 * of exactly one marketplace account. Mediators are staff, known by configuration.
 *
 * <p>It also knows the language of each Slack user's client (their locale, {@code users.info} with
 * {@code include_locale}), which the engine takes as a hint; asked once per user and kept for
 * {@link #LOCALE_KEPT}, not on every message.
 */
public final class SlackIdentities {
    private static final Logger log = LoggerFactory.getLogger(SlackIdentities.class);
    /** How long a user's locale is kept before Slack is asked again: people rarely change it. */
    static final Duration LOCALE_KEPT = Duration.ofHours(12);
    /** Beyond this many users the cache starts afresh, rather than grow without bound. */
    private static final int MAX_LOCALES = 50_000;

    /** A user's locale as last asked, the language it names (null: none the bot speaks) and when asked. */
    private record KnownLocale(Language language, long askedAtMillis) {
    }

    private final Map<String, KnownLocale> locales = new ConcurrentHashMap<>();

    private final Marketplace marketplace;
    private final IdentityLinks links;
    private final ProcedureSettings settings;
    private final MethodsClient slack;

    /**
     * @param marketplace the marketplace as the engine sees it, linked identities included
     * @param slack       a Web API client holding the bot token
     */
    public SlackIdentities(Marketplace marketplace, IdentityLinks links, ProcedureSettings settings,
                           MethodsClient slack) {
        this.marketplace = marketplace;
        this.links = links;
        this.settings = settings;
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

    /**
     * The identity, once it is known to the engine (linking it by e-mail if it can be); empty for a
     * stranger, who must be told so and can do nothing else.
     */
    public Optional<ChannelIdentity> known(String team, String user) {
        ChannelIdentity identity = identity(team, user);
        if (settings.isMediator(identity) || marketplace.personByIdentity(identity).isPresent()) {
            return Optional.of(identity);
        }
        Optional<Person> byEmail = confirmedEmail(user).flatMap(this::personWithEmail);
        byEmail.ifPresent(person -> {
            links.link(identity, person.id());
            log.info("Linked Slack user {} to marketplace account {} by their confirmed e-mail address",
                    identity, person.id());
        });
        return byEmail.map(person -> identity);
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

    private Optional<String> confirmedEmail(String user) {
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

    /** The one account with this e-mail address; none when two share it, rather than guess. */
    private Optional<Person> personWithEmail(String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        List<Person> matches = marketplace.people().stream()
                .filter(p -> p.email().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
