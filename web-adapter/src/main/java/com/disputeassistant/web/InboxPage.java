package com.disputeassistant.web;

import java.util.List;

/**
 * The messages after a given seq, and the identity's latest seq. A {@code last} below what the page
 * asked for means the inbox was reset (Redis emptied): the page starts again from 0.
 */
record InboxPage(List<InboxMessage> messages, long last) {
    InboxPage {
        messages = List.copyOf(messages);
    }
}
