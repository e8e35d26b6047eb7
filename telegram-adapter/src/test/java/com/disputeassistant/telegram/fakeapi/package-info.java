/** A fake Telegram Bot API server on loopback, which the adapter's tests run the bot against. */
package com.disputeassistant.telegram.fakeapi;
