package com.disputeassistant.conversation;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message for one person on one channel: text plus the reply options they may pick. Channels
 * render options natively (buttons, inline keyboards) and fall back to numbered text.
 *
 * @param awaitedText the free-text answer the dispute now waits for from this person, or null if none
 * @param dispute     the dispute the message is about, or null (the menu, help): lets a channel keep one
 *                    thread per dispute, such as a mediators' room
 * @param takesText   whether what the recipient writes next is taken as text (an awaited answer, or words
 *                    passed on to the other side), so that a number they type is not read as picking one of
 *                    the options by its number (the text fallback of buttons)
 * @param language    the recipient's language, which the text is in: a channel says what it adds itself
 *                    (a form's labels, a fallback's hint) in the same language, with {@link
 *                    com.disputeassistant.language.Texts}
 * @param attachments evidence files delivered with the message, after its text, in order (never null):
 *                    a channel sends each as a real file where the platform takes files (a Telegram
 *                    document, a Slack upload to the DM or the dispute's thread), or shows it as a
 *                    download link (the playground); see {@link EvidenceRef} for what the channel must do.
 *                    The text already names them, so a channel that cannot send one loses no meaning
 */
public record OutboundMessage(Address to, String text, List<ReplyOption> options, TextAnswer awaitedText,
                              DisputeId dispute, boolean takesText, Language language,
                              List<EvidenceRef> attachments) {
    public OutboundMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        options = options == null ? List.of() : List.copyOf(options);
        takesText = takesText || awaitedText != null;
        language = language == null ? Language.DEFAULT : language;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without attachments. */
    public OutboundMessage(Address to, String text, List<ReplyOption> options, TextAnswer awaitedText,
                           DisputeId dispute, boolean takesText, Language language) {
        this(to, text, options, awaitedText, dispute, takesText, language, List.of());
    }

    /** The same message, delivering these evidence files with it (replacing any it had). */
    public OutboundMessage withAttachments(List<EvidenceRef> files) {
        return new OutboundMessage(to, text, options, awaitedText, dispute, takesText, language, files);
    }

    /** A message in English whose recipient's next free text means something only if they owe {@code awaitedText}. */
    public OutboundMessage(Address to, String text, List<ReplyOption> options, TextAnswer awaitedText,
                           DisputeId dispute) {
        this(to, text, options, awaitedText, dispute, false, null);
    }

    /** A message in the recipient's language whose next free text means something only if they owe {@code awaitedText}. */
    public OutboundMessage(Address to, String text, List<ReplyOption> options, TextAnswer awaitedText,
                           DisputeId dispute, Language language) {
        this(to, text, options, awaitedText, dispute, false, language);
    }

    /** A message in English about no dispute in particular, waiting for no free text. */
    public OutboundMessage(Address to, String text, List<ReplyOption> options) {
        this(to, text, options, null, null, false, null);
    }

    /** A message about no dispute in particular, waiting for no free text, in the recipient's language. */
    public OutboundMessage(Address to, String text, List<ReplyOption> options, Language language) {
        this(to, text, options, null, null, false, language);
    }

    public Optional<TextAnswer> awaits() {
        return Optional.ofNullable(awaitedText);
    }

    public Optional<DisputeId> about() {
        return Optional.ofNullable(dispute);
    }
}
