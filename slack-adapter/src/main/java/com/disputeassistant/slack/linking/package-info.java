/**
 * Who a Slack user is: a marketplace identity, a linked identity, or one linked now by the user's
 * confirmed e-mail address.
 */
package com.disputeassistant.slack.linking;
