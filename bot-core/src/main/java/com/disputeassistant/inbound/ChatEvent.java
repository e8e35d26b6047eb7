package com.disputeassistant.inbound;

import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.List;
import java.util.Objects;

/**
 * What a person did on a chat platform, parsed by the channel and nothing more: the channel has not
 * decided who the person is, whether the delivery is new or whether a press counts; {@link ChatInbound}
 * does that, the same for every channel.
 *
 * <p>{@code conversation} is where the person acted and where an answer to them goes (a Slack user's DM,
 * a Telegram chat, a mediators' room). {@code deliveryId} is the platform's own id for this delivery
 * ({@code telegram:update:123}, {@code slack:ts:<channel>:<ts>}), or null where the platform has none.
 * {@code language} is the language the platform says the person uses (Telegram's {@code language_code},
 * Slack's user locale, the browser's {@code Accept-Language}), or null: a hint, which the person's own
 * choice and the marketplace's entry override.
 */
public sealed interface ChatEvent {

    ChannelIdentity from();

    String conversation();

    String deliveryId();

    Language language();

    /** The same event, with the platform's hint of the person's language (null: none). */
    ChatEvent withLanguage(Language hint);

    /**
     * Text the person wrote, a slash command included (as the engine reads it, e.g. {@code menu} for
     * Telegram's {@code /dispute}). {@code thread} is set only for a message in a thread of a mediators'
     * room: the platform's reference of the thread (a Slack thread ts, a Telegram topic id or the id of the
     * message replied to); null at a room's top level and in private conversations.
     *
     * <p>{@code files} are the files sent with the message (a Telegram document or photo, the files of a
     * Slack {@code file_share}, a playground upload), in the platform's order, as {@link IncomingFile}s; the
     * caption goes into {@code text} (empty when there is none). The channel only describes them: the
     * inbound path fetches, checks and keeps each one as evidence of the dispute the person acts on, and
     * answers whether it was added or why not. Never null; empty for a message without files.
     */
    record Text(ChannelIdentity from, String conversation, String thread, String text, String deliveryId,
                Language language, List<IncomingFile> files) implements ChatEvent {
        public Text {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(conversation, "conversation");
            text = text == null ? "" : text;
            files = files == null ? List.of() : List.copyOf(files);
        }

        /** A message without files. */
        public Text(ChannelIdentity from, String conversation, String thread, String text, String deliveryId,
                    Language language) {
            this(from, conversation, thread, text, deliveryId, language, List.of());
        }

        public Text(ChannelIdentity from, String conversation, String thread, String text, String deliveryId) {
            this(from, conversation, thread, text, deliveryId, null);
        }

        @Override
        public Text withLanguage(Language hint) {
            return new Text(from, conversation, thread, text, deliveryId, hint, files);
        }

        /** The same message, with these files sent with it (replacing any it had). */
        public Text withFiles(List<IncomingFile> sent) {
            return new Text(from, conversation, thread, text, deliveryId, language, sent);
        }

        /** A message in a private conversation with the bot. */
        public static Text direct(ChannelIdentity from, String conversation, String text, String deliveryId) {
            return new Text(from, conversation, null, text, deliveryId);
        }
    }

    /** A press of a button the bot sent: {@code token} is what the button carried. */
    record Press(ChannelIdentity from, String conversation, String token, String deliveryId, Language language)
            implements ChatEvent {
        public Press {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(conversation, "conversation");
        }

        public Press(ChannelIdentity from, String conversation, String token, String deliveryId) {
            this(from, conversation, token, deliveryId, null);
        }

        @Override
        public Press withLanguage(Language hint) {
            return new Press(from, conversation, token, deliveryId, hint);
        }
    }

    /**
     * A reply option picked by its id, for a channel that shows the engine's option ids itself (the
     * browser playground) rather than registered tokens.
     */
    record Choice(ChannelIdentity from, String conversation, String optionId, String deliveryId, Language language)
            implements ChatEvent {
        public Choice {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(optionId, "optionId");
        }

        public Choice(ChannelIdentity from, String conversation, String optionId, String deliveryId) {
            this(from, conversation, optionId, deliveryId, null);
        }

        @Override
        public Choice withLanguage(Language hint) {
            return new Choice(from, conversation, optionId, deliveryId, hint);
        }
    }
}
