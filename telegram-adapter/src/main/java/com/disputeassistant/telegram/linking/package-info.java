/**
 * Linking a Telegram user to a marketplace account by a signed one-time code ({@code /start <code>}),
 * for people whose Telegram identity is not in the marketplace file, and an endpoint that mints codes
 * for demos and tests.
 */
package com.disputeassistant.telegram.linking;
