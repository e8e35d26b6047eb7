/**
 * Messages to Slack: mrkdwn escaping, rendering a bot message as {@code chat.postMessage} bodies with
 * Block Kit buttons, and the outbox's sender that posts them and classifies failures.
 */
package com.disputeassistant.slack.sending;
