package com.disputeassistant.web;

import com.disputeassistant.conversation.ReplyOption;
import java.time.Instant;
import java.util.List;

/**
 * One message in a web identity's inbox, as stored in Redis and as the page receives it. {@code seq}
 * numbers an identity's messages 1, 2, 3... so the page can ask for those after the last it has.
 */
record InboxMessage(long seq, Instant at, String text, List<ReplyOption> options) {
    InboxMessage {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
