package com.disputeassistant.telegram.linking;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The bot's @username, for deep links; asked of Telegram (getMe) when first needed, then remembered. */
final class BotUsername implements Supplier<Optional<String>> {
    private static final Logger log = LoggerFactory.getLogger(BotUsername.class);

    private final TelegramClient client;
    private volatile String username;

    BotUsername(TelegramClient client) {
        this.client = client;
    }

    /** Empty while Telegram cannot be asked; asked again next time. */
    @Override
    public Optional<String> get() {
        if (username == null) {
            try {
                User me = client.execute(new GetMe());
                username = me.getUserName();
            } catch (TelegramApiException e) {
                log.warn("Could not ask Telegram for the bot's name (getMe): {}", e.getMessage());
            }
        }
        return Optional.ofNullable(username);
    }
}
