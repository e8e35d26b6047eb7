/**
 * The mediator console at {@code /console}: staff sign in (local accounts with bcrypt hashes, roles
 * mediator and supervisor, sessions, CSRF, a lockout after repeated failed sign-ins) and work disputes in
 * the browser. Every action goes through the one inbound path as the signed-in mediator's own identity,
 * so the engine decides what they may do, as on every other channel.
 *
 * <p>Its {@code SecurityFilterChain} matches {@code /console/**} only; the platforms' webhooks, which
 * authenticate by their own signatures, and every other path are left to their own chains.
 */
package com.disputeassistant.web.console;
