package com.disputeassistant.telegram;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** One or more calls to the Bot API made at start (delete or set the webhook, register commands). */
@FunctionalInterface
public interface BotCall {
    void run() throws TelegramApiException;
}
