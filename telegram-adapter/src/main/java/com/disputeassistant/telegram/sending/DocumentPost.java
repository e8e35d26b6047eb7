package com.disputeassistant.telegram.sending;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.evidence.EvidenceRef;

/**
 * An evidence file to send to a chat as a document, queued as its own outbox entry right after the text of
 * the message that carries it. The entry holds the reference, not the bytes: the sender reads them from the
 * evidence store, checked against their SHA-256, when it sends, so a retry sends the same file.
 *
 * @param dispute the dispute whose thread in the mediators' room the document goes to; null for a private chat
 *                or the room's top level
 */
record DocumentPost(String chat, EvidenceRef evidence, DisputeId dispute) {
    /** The payload's {@code method}: the Bot API call it becomes. */
    static final String METHOD = "senddocument";
}
