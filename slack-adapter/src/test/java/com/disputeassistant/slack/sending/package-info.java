/** Tests of rendering and posting messages to Slack. */
package com.disputeassistant.slack.sending;
