/**
 * What an update means: a message or a button press from a Telegram user becomes an engine turn, a link
 * by code, or the channel's own answer (welcome, how to link). Shared by long polling and webhooks.
 */
package com.disputeassistant.telegram.updates;
