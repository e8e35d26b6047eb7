/**
 * The Slack channel: Slack users talk to the bot in their DM with it, start with {@code /dispute}, answer
 * with Block Kit buttons and modals, and see their open disputes on the App Home tab.
 *
 * <p>{@link com.disputeassistant.slack.SlackConfiguration} wires it; the sub-packages hold the request
 * verification and endpoint of HTTP mode ({@code http}), the Socket Mode connection ({@code socket}),
 * rendering and posting messages ({@code sending}) and who a Slack user is ({@code linking}).
 */
package com.disputeassistant.slack;
