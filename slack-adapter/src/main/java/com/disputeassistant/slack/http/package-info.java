/**
 * HTTP mode: the {@code POST /slack/events} endpoint that verifies each request's signature and timestamp
 * before the Bolt app sees it.
 */
package com.disputeassistant.slack.http;
