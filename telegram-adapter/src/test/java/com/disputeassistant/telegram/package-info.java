/**
 * Tests of the Telegram channel as a whole, against a fake Bot API and a real Redis, and the fixtures
 * other test packages share: a bot instance, a Telegram user in a script, and polling with a deadline.
 */
package com.disputeassistant.telegram;
