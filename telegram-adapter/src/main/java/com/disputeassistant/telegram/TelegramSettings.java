package com.disputeassistant.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * {@code dispute.telegram.*}, documented in {@code application.yml}. The channel is on only when the bot
 * token is set; every other setting then has a working default, except that webhook mode needs its secret.
 *
 * @param botToken         the token from BotFather ({@code TELEGRAM_BOT_TOKEN}); blank: the channel is off
 * @param apiUrl           Bot API server, scheme, host and port only ({@code TELEGRAM_API_URL}): Telegram's,
 *                         a self-hosted Bot API server, or a test's fake
 * @param webhookUrl       public HTTPS address Telegram posts updates to ({@code TELEGRAM_WEBHOOK_URL});
 *                         blank: long polling
 * @param webhookSecret    the secret token Telegram sends with each webhook call ({@code TELEGRAM_WEBHOOK_SECRET})
 * @param linkSecret       HMAC key shared with the marketplace for link codes ({@code TELEGRAM_LINK_SECRET});
 *                         blank: people are linked only by the identities in the marketplace file
 * @param pollTimeout      how long one getUpdates call waits for an update (long polling)
 * @param linkCodeLifetime how long a code minted by this app's endpoint is valid
 * @param linkCodeEndpoint whether {@code POST /api/telegram/link-codes} mints codes (demos and tests only:
 *                         whoever can call it can link any account)
 * @param mediatorsChat    the mediators' room, a group's chat id like {@code -1001234567890}
 *                         ({@code TELEGRAM_MEDIATORS_CHAT}); blank: mediators are written to in private chats
 * @param mediatorsChatTopics whether that group is a forum, where each dispute gets a topic; otherwise each
 *                         dispute's card starts a reply chain
 */
@ConfigurationProperties("dispute.telegram")
public record TelegramSettings(String botToken,
                               @DefaultValue("https://api.telegram.org") String apiUrl,
                               String webhookUrl,
                               String webhookSecret,
                               String linkSecret,
                               @DefaultValue("50s") Duration pollTimeout,
                               @DefaultValue("1d") Duration linkCodeLifetime,
                               @DefaultValue("false") boolean linkCodeEndpoint,
                               String mediatorsChat,
                               @DefaultValue("false") boolean mediatorsChatTopics) {

    /** What Telegram accepts as a webhook's secret_token. */
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** Telegram's own limit for getUpdates' timeout. */
    private static final Duration MAX_POLL_TIMEOUT = Duration.ofSeconds(50);
    /** A chat id: groups' are negative, supergroups' start with -100. */
    private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,19}");

    public TelegramSettings {
        botToken = trimmed(botToken);
        apiUrl = trimmed(apiUrl);
        webhookUrl = trimmed(webhookUrl);
        webhookSecret = trimmed(webhookSecret);
        linkSecret = trimmed(linkSecret);
        mediatorsChat = trimmed(mediatorsChat);
        if (apiUrl.isEmpty()) {
            apiUrl = "https://api.telegram.org";
        }
        pollTimeout = pollTimeout == null ? MAX_POLL_TIMEOUT : pollTimeout;
        linkCodeLifetime = linkCodeLifetime == null ? Duration.ofDays(1) : linkCodeLifetime;
        // Fields are assigned only after this block: the checks read the parameters.
        if (!botToken.isEmpty()) {
            checkApiUrl(apiUrl);
            if (!webhookUrl.isEmpty()) {
                checkWebhook(webhookUrl, webhookSecret);
            }
            checkRest(pollTimeout, linkCodeLifetime, linkCodeEndpoint, linkSecret);
            if (!mediatorsChat.isEmpty() && !CHAT_ID.matcher(mediatorsChat).matches()) {
                throw new IllegalArgumentException("dispute.telegram.mediators-chat (TELEGRAM_MEDIATORS_CHAT) must be "
                        + "the group's numeric chat id, like -1001234567890, not " + mediatorsChat);
            }
        }
    }

    /** Whether the Telegram channel runs at all. */
    public boolean enabled() {
        return !botToken.isEmpty();
    }

    /** Webhook mode (several instances) rather than long polling (one instance). */
    public boolean webhookMode() {
        return !webhookUrl.isEmpty();
    }

    /** The Bot API server as the library wants it; checked at construction. */
    public TelegramUrl telegramUrl() {
        URI uri = URI.create(apiUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    /** The secret that signs link codes, if linking by code is on. */
    public Optional<String> linkSecretIfSet() {
        return linkSecret.isEmpty() ? Optional.empty() : Optional.of(linkSecret);
    }

    /** The mediators' room's chat id, if mediators work in a group. */
    public Optional<String> mediatorsChatIfSet() {
        return mediatorsChat.isEmpty() ? Optional.empty() : Optional.of(mediatorsChat);
    }

    private static void checkApiUrl(String apiUrl) {
        URI api;
        try {
            api = URI.create(apiUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dispute.telegram.api-url (TELEGRAM_API_URL) is not a URL: " + apiUrl);
        }
        if (!("https".equals(api.getScheme()) || "http".equals(api.getScheme())) || api.getHost() == null
                || !(api.getPath() == null || api.getPath().isEmpty() || api.getPath().equals("/"))) {
            throw new IllegalArgumentException("dispute.telegram.api-url (TELEGRAM_API_URL) must be scheme, host and "
                    + "optional port, like https://api.telegram.org or http://127.0.0.1:8081, not " + apiUrl);
        }
    }

    private static void checkWebhook(String webhookUrl, String webhookSecret) {
        URI hook;
        try {
            hook = URI.create(webhookUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dispute.telegram.webhook-url (TELEGRAM_WEBHOOK_URL) is not a URL: "
                    + webhookUrl);
        }
        if (!"https".equals(hook.getScheme()) && !"http".equals(hook.getScheme())) {
            throw new IllegalArgumentException("dispute.telegram.webhook-url (TELEGRAM_WEBHOOK_URL) must be the "
                    + "public https:// address of /telegram/webhook, not " + webhookUrl);
        }
        if (!WEBHOOK_SECRET.matcher(webhookSecret).matches()) {
            throw new IllegalArgumentException("Webhook mode needs dispute.telegram.webhook-secret "
                    + "(TELEGRAM_WEBHOOK_SECRET): 1 to 256 characters of A-Z, a-z, 0-9, _ and -, so that only "
                    + "Telegram can post updates");
        }
    }

    private static void checkRest(Duration pollTimeout, Duration linkCodeLifetime, boolean linkCodeEndpoint,
                                  String linkSecret) {
        if (pollTimeout.isNegative() || pollTimeout.compareTo(MAX_POLL_TIMEOUT) > 0) {
            throw new IllegalArgumentException("dispute.telegram.poll-timeout must be from 0s to 50s, not " + pollTimeout);
        }
        if (linkCodeEndpoint && linkSecret.isEmpty()) {
            throw new IllegalArgumentException("dispute.telegram.link-code-endpoint needs dispute.telegram.link-secret "
                    + "(TELEGRAM_LINK_SECRET): the codes it mints are signed with it");
        }
        if (linkCodeLifetime.isNegative() || linkCodeLifetime.isZero()) {
            throw new IllegalArgumentException("dispute.telegram.link-code-lifetime must be positive, e.g. 1d");
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    /** Never shows the token or the secrets, which end up in logs and failure reports otherwise. */
    @Override
    public String toString() {
        return "TelegramSettings[apiUrl=" + apiUrl + ", webhookUrl=" + webhookUrl + ", pollTimeout=" + pollTimeout
                + ", linkByCode=" + !linkSecret.isEmpty() + ", linkCodeEndpoint=" + linkCodeEndpoint
                + ", mediatorsChat=" + mediatorsChat + ", mediatorsChatTopics=" + mediatorsChatTopics + "]";
    }
}
