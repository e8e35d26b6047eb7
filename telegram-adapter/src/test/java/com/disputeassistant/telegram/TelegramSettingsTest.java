package com.disputeassistant.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramSettingsTest {

    @Test
    void withoutATokenNothingIsCheckedAndTheChannelIsOff() {
        TelegramSettings off = settings(" ", "not a url", "also not", "", false);

        assertThat(off.enabled()).isFalse();
    }

    @Test
    void blankValuesFromTheEnvironmentMeanTheDefaults() {
        TelegramSettings on = settings("1:abc", "", "", "", false);

        assertThat(on.telegramUrl()).isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
        assertThat(on.webhookMode()).isFalse();
        assertThat(on.linkSecretIfSet()).isEmpty();
        assertThat(on.pollTimeout()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void readsAnApiUrlWithAPort() {
        assertThat(settings("1:abc", "http://127.0.0.1:8081", "", "", false).telegramUrl())
                .isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
    }

    @Test
    void refusesWhatWouldNotWorkNamingTheSetting() {
        assertThatThrownBy(() -> settings("1:abc", "https://proxy.example.org/telegram", "", "", false))
                .hasMessageContaining("TELEGRAM_API_URL");
        assertThatThrownBy(() -> settings("1:abc", "", "https://bot.example.org/telegram/webhook", "", false))
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
        assertThatThrownBy(() -> settings("1:abc", "", "https://bot.example.org/telegram/webhook", "has spaces", false))
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
        assertThatThrownBy(() -> settings("1:abc", "", "ftp://bot.example.org", "ok", false))
                .hasMessageContaining("TELEGRAM_WEBHOOK_URL");
        assertThatThrownBy(() -> settings("1:abc", "", "", "", true))
                .hasMessageContaining("TELEGRAM_LINK_SECRET");
        assertThatThrownBy(() -> new TelegramSettings("1:abc", "", "", "", "", Duration.ofSeconds(51), null, false, null, false))
                .hasMessageContaining("poll-timeout");
        assertThatThrownBy(() -> new TelegramSettings("1:abc", "", "", "", "", null, null, false, "@mediators", false))
                .hasMessageContaining("TELEGRAM_MEDIATORS_CHAT");
    }

    @Test
    void theMediatorsRoomIsAGroupsChatId() {
        assertThat(new TelegramSettings("1:abc", "", "", "", "", null, null, false, " -1001234567890 ", true)
                .mediatorsChatIfSet()).contains("-1001234567890");
        assertThat(settings("1:abc", "", "", "", false).mediatorsChatIfSet()).isEmpty();
    }

    @Test
    void neverShowsTheTokenOrTheSecrets() {
        TelegramSettings on = new TelegramSettings("1:TOKEN", "", "https://bot.example.org/telegram/webhook",
                "WEBHOOKSECRET", "LINKSECRET", null, null, false, null, false);

        assertThat(on.toString()).doesNotContain("TOKEN", "WEBHOOKSECRET", "LINKSECRET");
    }

    private static TelegramSettings settings(String token, String apiUrl, String webhookUrl, String webhookSecret,
                                             boolean linkCodeEndpoint) {
        return new TelegramSettings(token, apiUrl, webhookUrl, webhookSecret, "", null, null, linkCodeEndpoint, null, false);
    }
}
