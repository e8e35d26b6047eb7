/**
 * Buttons on chat platforms: each button a message carries gets an opaque token that the server maps
 * to the option, the person it was sent to and the message, so a platform payload stays short (Telegram
 * allows 64 bytes) and a press by someone else, or a second answer to one message, is refused.
 */
package com.disputeassistant.buttons;
