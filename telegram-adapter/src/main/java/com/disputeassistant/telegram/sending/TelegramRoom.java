package com.disputeassistant.telegram.sending;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.rooms.ChatRoom;
import java.util.Optional;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * How the mediators' room looks on Telegram: one group ({@code dispute.telegram.mediators-chat}) where every
 * dispute handed to a human gets a card and a thread. What the room allows and which posts it shows is the
 * room's policy ({@link ChatRoom}, the same on every platform); this is only Telegram's way of threading.
 *
 * <p>A dispute's thread is a forum topic when the group is a forum ({@code mediators-chat-topics}), or
 * else the reply chain under its card: later posts reply to the card, and a mediator's reply to the card
 * or to any post of the bot in that chain is about that dispute. The thread is only known once Telegram
 * has answered the card's call, so posts are queued naming their dispute ({@link RoomPost}) and put in
 * the thread when they are sent: the outbox sends a chat's entries in order, so the card is always out
 * before the posts that go under it.
 */
public final class TelegramRoom {
    /** Telegram's limit for a topic's name. */
    private static final int MAX_TOPIC_NAME = 128;

    private final ChatRoom room;
    private final boolean topics;

    public TelegramRoom(ChatRoom room, boolean topics) {
        this.room = room;
        this.topics = topics;
    }

    /** The room's policy. */
    public ChatRoom policy() {
        return room;
    }

    /** The group's chat id. */
    public String chat() {
        return room.conversation();
    }

    /**
     * The thread a message in the group names, for the room to look up: its topic, or the post of the bot
     * it replies to; null at the top level.
     */
    public static String threadOf(Message message, boolean topics) {
        if (topics) {
            return message.isTopicMessage() && message.getMessageThreadId() != null
                    ? Integer.toString(message.getMessageThreadId()) : null;
        }
        Message repliedTo = message.getReplyToMessage();
        return repliedTo != null && repliedTo.getMessageId() != null ? Integer.toString(repliedTo.getMessageId()) : null;
    }

    /** Whether a dispute's thread is a forum topic. */
    public boolean topics() {
        return topics;
    }

    /** The dispute's thread, if its card was posted: a topic id, or the card's message id. */
    Optional<Integer> threadOf(DisputeId dispute) {
        return room.threadOf(dispute).map(Integer::valueOf);
    }

    /** The name of a dispute's topic. */
    static String topicName(DisputeId dispute, String text) {
        String firstLine = text.lines().findFirst().orElse("").strip();
        String name = firstLine.contains(dispute.value()) ? firstLine
                : "Dispute " + dispute.value() + (firstLine.isEmpty() ? "" : ": " + firstLine);
        return name.length() > MAX_TOPIC_NAME ? name.substring(0, MAX_TOPIC_NAME - 1) + "…" : name;
    }

    /** Puts a post in its dispute's thread. */
    void placeIn(SendMessage message, int thread) {
        placeIn(thread, message::setMessageThreadId, message::setReplyToMessageId, message::setAllowSendingWithoutReply);
    }

    /** Puts a document in its dispute's thread. */
    void placeIn(SendDocument document, int thread) {
        placeIn(thread, document::setMessageThreadId, document::setReplyToMessageId,
                document::setAllowSendingWithoutReply);
    }

    private void placeIn(int thread, Consumer<Integer> topic, Consumer<Integer> replyTo,
                         Consumer<Boolean> withoutReply) {
        if (topics) {
            topic.accept(thread);
        } else {
            replyTo.accept(thread);
            // A card deleted by someone in the group must not block the dispute's later posts.
            withoutReply.accept(true);
        }
    }

    /** Records a topic as the dispute's thread. */
    void rememberTopic(DisputeId dispute, int topic) {
        room.rememberThread(dispute, Integer.toString(topic));
    }

    /** Records a post; in a reply-chain room the first one, the card, becomes the dispute's thread. */
    void rememberPost(DisputeId dispute, Message sent, boolean card) {
        if (topics || sent == null || sent.getMessageId() == null) {
            return;
        }
        String id = Integer.toString(sent.getMessageId());
        if (card) {
            room.rememberThread(dispute, id);
        }
        room.rememberPost(dispute, id);
    }
}
