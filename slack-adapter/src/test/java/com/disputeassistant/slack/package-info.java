/**
 * Tests of the Slack channel against a fake Slack Web API and a fake Socket Mode server on loopback
 * ports, with a real engine and Redis: conversation scripts pressing the buttons the bot actually sent.
 */
package com.disputeassistant.slack;
