/**
 * The browser channel: JSON endpoints that feed people's messages to the conversation engine, a
 * Redis-backed inbox per web identity that the page polls, read-only views of disputes, and the local
 * playground page (static files) where one person can act as client, expert and mediator side by side.
 *
 * <p>The playground has no login: whoever can reach it can act as anyone with a {@code web:}
 * identity. It is for a developer's own machine: {@link com.disputeassistant.web.Playground} keeps it off
 * wherever the app runs on a Redis server of its own (a deployment).
 * The application wires this package through {@link com.disputeassistant.web.WebAdapterConfiguration}.
 */
package com.disputeassistant.web;
