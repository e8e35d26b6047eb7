package com.disputeassistant.slack.sending;

import com.disputeassistant.evidence.EvidenceRef;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An evidence file to upload to a conversation, as the outbox keeps it: {@code {"channel":"…",
 * "evidence":{the reference}}}, queued right after the text of the message that carries it, and sent by
 * {@link SlackSender#send}, which reads the bytes from the evidence store, checked, only then. Like a
 * {@code chat.postMessage} body it may carry {@code thread_ts} (or the room's mark of the dispute whose
 * thread it goes to).
 */
public final class SlackUpload {
    private static final String EVIDENCE = "evidence";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SlackUpload() {
    }

    /** The outbox payload that uploads {@code file} to {@code channel} (a user id means their DM). */
    public static String body(String channel, EvidenceRef file) {
        ObjectNode body = JSON.createObjectNode().put("channel", channel);
        body.set(EVIDENCE, JSON.readTree(file.toJson()));
        return JSON.writeValueAsString(body);
    }

    /** Whether a queued body is an upload rather than a message. */
    public static boolean isUpload(JsonNode body) {
        return body.has(EVIDENCE);
    }

    /** The file a queued body uploads; empty for a message. Throws IllegalArgumentException for a broken one. */
    static Optional<EvidenceRef> fileOf(JsonNode body) {
        return isUpload(body) ? Optional.of(EvidenceRef.fromJson(JSON.writeValueAsString(body.get(EVIDENCE))))
                : Optional.empty();
    }
}
