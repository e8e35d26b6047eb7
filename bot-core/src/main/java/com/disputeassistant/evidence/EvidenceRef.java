package com.disputeassistant.evidence;

import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One kept evidence file as a reply carries it to its recipient ({@link
 * com.disputeassistant.conversation.OutboundMessage#attachments()}): enough to read the stored bytes back
 * through {@link EvidenceFiles} and to send them under their name and type.
 *
 * <p>What the adapter must do: for each reference of a message it renders, queue one more outbox entry
 * for the same conversation (after the message's text, so the order holds) whose payload carries {@link
 * #toJson()}; its sender reads the entry back with {@link #fromJson}, gets the bytes with {@link
 * EvidenceFiles#open} and sends them as a file (Telegram {@code sendDocument}, a Slack file upload to
 * the DM or the dispute's thread) named {@link #name()} with type {@link #mediaType()}. A retried entry
 * thus sends the same file. Never render the file inline as HTML.
 *
 * @param id        the evidence item's id (also its key in the store): letters, digits, {@code -}
 * @param name      the name the sender gave it, cleaned for showing; never a path
 * @param mediaType the type the intake found by looking at the bytes, e.g. {@code application/pdf}
 * @param size      the size in bytes
 * @param sha256    the SHA-256 of the bytes, lower-case hex; {@link EvidenceFiles} checks it on every read
 */
public record EvidenceRef(String id, String name, String mediaType, long size, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final JsonMapper JSON = JsonMapper.shared();

    public EvidenceRef {
        Objects.requireNonNull(id, "id");
        if (!EvidenceStore.ITEM_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an evidence id is 1 to 80 letters, digits or dashes, not \"" + id + "\"");
        }
        name = IncomingFile.cleanName(name);
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a size is never negative");
        }
    }

    /** This reference as a JSON object, for an outbox payload. */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** A reference from {@link #toJson()}; an {@link IllegalArgumentException} for anything else. */
    public static EvidenceRef fromJson(String json) {
        try {
            return JSON.readValue(json, EvidenceRef.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not an evidence reference: " + e.getOriginalMessage(), e);
        }
    }
}
