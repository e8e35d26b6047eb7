package com.disputeassistant.web;

import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.evidence.EvidenceRef;
import java.time.Instant;
import java.util.List;

/**
 * One message in a web identity's inbox, as stored in Redis and as the page receives it. {@code seq}
 * numbers an identity's messages 1, 2, 3... so the page can ask for those after the last it has.
 */
record InboxMessage(long seq, Instant at, String text, List<ReplyOption> options, List<Attachment> attachments) {
    InboxMessage {
        options = options == null ? List.of() : List.copyOf(options);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without files. */
    InboxMessage(long seq, Instant at, String text, List<ReplyOption> options) {
        this(seq, at, text, options, List.of());
    }

    /**
     * An evidence file delivered with the message: the page links it to {@code GET /api/evidence/DISPUTE/ID},
     * which serves it only as a download, and only to someone who may see it.
     */
    record Attachment(String dispute, String id, String name, String mediaType, long size) {
        static Attachment of(DisputeId dispute, EvidenceRef ref) {
            return new Attachment(dispute == null ? null : dispute.value(), ref.id(), ref.name(), ref.mediaType(),
                    ref.size());
        }
    }
}
