/**
 * What the bot says on Telegram: rendering (escaped HTML, split at 4096 characters, inline keyboards
 * with opaque button tokens), queueing in the durable outbox, and posting with Telegram's error codes
 * turned into the outbox's retry decisions.
 */
package com.disputeassistant.telegram.sending;
