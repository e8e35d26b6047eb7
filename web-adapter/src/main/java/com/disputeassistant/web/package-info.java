/**
 * The browser channel: JSON endpoints that feed people's messages to the conversation engine, a
 * Redis-backed inbox per web identity that the page polls, read-only views of disputes, and the local
 * playground page (static files) where one person can act as client, expert and mediator side by side.
 *
 * <p>The playground has no login: whoever can reach it can act as anyone with a {@code web:}
 * identity. It is for local use and demos; anything public needs authentication in front of it.
 * The application wires this package through {@link com.disputeassistant.web.WebAdapterConfiguration}.
 */
package com.disputeassistant.web;
