/** Socket Mode: the WebSocket connection to Slack that replaces the public endpoint. */
package com.disputeassistant.slack.socket;
