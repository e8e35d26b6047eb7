package com.disputeassistant.conversation;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.Address;
import java.util.List;
import java.util.Objects;

/**
 * What a person sent on a channel: either free text or the id of a reply option they picked.
 * {@code from} is both who sent it and where to answer.
 *
 * <p>{@code deliveryId} is the platform's own id for this inbound ({@code telegram:update:123},
 * {@code slack:event:Ev01}), or null where the platform has none (the playground). Platforms deliver
 * at least once: the engine applies a message with a delivery id at most once, so a redelivered update
 * or a retried event changes nothing and is not answered again.
 *
 * <p>{@code dispute} names the dispute the message is about when the channel knows it (a reply in a
 * mediators' room thread for that dispute), or is null: free text is then about the dispute the
 * sender last acted on.
 *
 * <p>{@code language} is the language the channel says the sender uses (Telegram's {@code language_code},
 * Slack's user locale, the browser's {@code Accept-Language}), or null when it does not say or names one
 * the bot does not speak. It is a hint: the person's own choice and the marketplace's entry come first.
 *
 * <p>{@code files} are the files sent with a text message (its caption is the text), not yet fetched: the
 * turn keeps each as evidence of the dispute it is about, or refuses it with the reason. Never null.
 */
public record InboundMessage(Address from, String text, String option, String deliveryId, DisputeId dispute,
                             Language language, List<IncomingFile> files) {
    /** Long enough for any platform's id; a longer one is a bug in the adapter, not a person's input. */
    private static final int MAX_DELIVERY_ID = 200;

    public InboundMessage {
        Objects.requireNonNull(from, "from");
        text = text == null ? "" : text;
        if (deliveryId != null && (deliveryId.isBlank() || deliveryId.length() > MAX_DELIVERY_ID)) {
            throw new IllegalArgumentException("a delivery id is 1 to " + MAX_DELIVERY_ID + " characters, not \""
                    + deliveryId + "\"");
        }
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A message without files. */
    public InboundMessage(Address from, String text, String option, String deliveryId, DisputeId dispute,
                          Language language) {
        this(from, text, option, deliveryId, dispute, language, List.of());
    }

    /** A message without a language hint. */
    public InboundMessage(Address from, String text, String option, String deliveryId, DisputeId dispute) {
        this(from, text, option, deliveryId, dispute, null);
    }

    public static InboundMessage text(Address from, String text) {
        return new InboundMessage(from, text, null, null, null, null);
    }

    public static InboundMessage option(Address from, String optionId) {
        return new InboundMessage(from, "", Objects.requireNonNull(optionId, "optionId"), null, null, null);
    }

    /** The same message, marked with the platform's id for it. */
    public InboundMessage withDeliveryId(String id) {
        return new InboundMessage(from, text, option, Objects.requireNonNull(id, "id"), dispute, language, files);
    }

    /** The same message, about this dispute whatever the sender last acted on. */
    public InboundMessage about(DisputeId id) {
        return new InboundMessage(from, text, option, deliveryId, Objects.requireNonNull(id, "id"), language, files);
    }

    /** The same message, with the channel's hint of the sender's language (null: none). */
    public InboundMessage withLanguage(Language hint) {
        return new InboundMessage(from, text, option, deliveryId, dispute, hint, files);
    }

    /** The same message, with these files sent with it. */
    public InboundMessage withFiles(List<IncomingFile> sent) {
        return new InboundMessage(from, text, option, deliveryId, dispute, language, sent);
    }

    public boolean hasFiles() {
        return !files.isEmpty();
    }

    public boolean isOption() {
        return option != null;
    }
}
