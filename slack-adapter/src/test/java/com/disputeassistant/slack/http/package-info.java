/** Tests of HTTP mode's request verification. */
package com.disputeassistant.slack.http;
