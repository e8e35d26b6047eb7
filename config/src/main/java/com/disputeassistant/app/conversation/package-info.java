/**
 * The conversation engine and the delivery of its answers, wired to the store, the marketplace, the
 * procedure settings and every channel that is enabled.
 */
package com.disputeassistant.app.conversation;
