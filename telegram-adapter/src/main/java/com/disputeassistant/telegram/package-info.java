/**
 * The Telegram channel: clients and experts run their dispute in a private chat with the bot.
 *
 * <p>{@link com.disputeassistant.telegram.TelegramConfiguration} is the one thing an application imports;
 * the channel is on only when {@code dispute.telegram.bot-token} is set. The features live in
 * sub-packages: {@code updates} turns an update into an engine turn, {@code polling} and {@code webhook}
 * are the two ways updates arrive, {@code sending} renders and queues what the bot says, and
 * {@code linking} ties a Telegram user to a marketplace account by a signed one-time code.
 */
package com.disputeassistant.telegram;
