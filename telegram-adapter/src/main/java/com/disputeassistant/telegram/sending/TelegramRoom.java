package com.disputeassistant.telegram.sending;

import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.MediatorRoom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The mediators' room on Telegram: one group ({@code dispute.telegram.mediators-chat}) where every
 * dispute handed to a human gets a card and a thread, instead of a private chat per mediator.
 *
 * <p>A dispute's thread is a forum topic when the group is a forum ({@code mediators-chat-topics}), or
 * else the reply chain under its card: later posts reply to the card, and a mediator's reply to the card
 * or to any post of the bot in that chain is about that dispute. The thread is only known once Telegram
 * has answered the card's call, so posts are queued naming their dispute ({@link RoomPost}) and put in
 * the thread when they are sent: the outbox sends a chat's entries in order, so the card is always out
 * before the posts that go under it.
 */
public final class TelegramRoom {
    /** The engine's id of a Claim option: {@code d:<dispute>:<step seq>:CLAIM}. */
    private static final Pattern CLAIM_OPTION = Pattern.compile("d:([A-Za-z0-9_-]{1,40}):[0-9]+:CLAIM");
    private static final String CLAIM_DATA = "claim:";
    /** Telegram's limit for a topic's name. */
    private static final int MAX_TOPIC_NAME = 128;

    private final String chat;
    private final boolean topics;
    private final MediatorRoom threads;
    /*
     * Every message the bot posted in a reply-chain room, by id, to its dispute: a mediator may reply to
     * any of them. Kept as a second MediatorRoom (its "threads" being single messages) so that the card
     * stays the thread that threads remembers, which later posts reply to.
     */
    private final MediatorRoom posts;
    private final ProcedureSettings settings;

    public TelegramRoom(String chat, boolean topics, MediatorRoom threads, MediatorRoom posts,
                        ProcedureSettings settings) {
        this.chat = chat;
        this.topics = topics;
        this.threads = threads;
        this.posts = posts;
        this.settings = settings;
    }

    /** The group's chat id. */
    public String chat() {
        return chat;
    }

    /** Whether a message or a button press came from the room. */
    public boolean isRoom(Long chatId) {
        return chatId != null && chat.equals(Long.toString(chatId));
    }

    /** Whether this person may act in the room: an allow-listed mediator. */
    public boolean admits(ChannelIdentity identity) {
        return settings.isMediator(identity);
    }

    /** Who the buttons posted in the room are registered for, so that any mediator may press them. */
    public ChannelIdentity identity() {
        return threads.identity();
    }

    /**
     * The dispute a Claim button in the room claims ({@code callback_data} {@code claim:<dispute>}).
     *
     * <p>Why Claim is not a registered, single-use button like the others: the card is one message for
     * every mediator, so once the first claim spent it, a second mediator's press would be refused as
     * "already answered" instead of being told who has the dispute. Pressing it does what {@code /claim
     * <dispute>} does; only a mediator may, and the engine's first claim wins.
     */
    public static Optional<DisputeId> claimIn(String callbackData) {
        if (callbackData == null || !callbackData.startsWith(CLAIM_DATA)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DisputeId(callbackData.substring(CLAIM_DATA.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The {@code callback_data} of a Claim option in the room, or empty for any other option. */
    static Optional<String> claimData(ReplyOption option) {
        Matcher claim = CLAIM_OPTION.matcher(option.id());
        return claim.matches() ? Optional.of(CLAIM_DATA + claim.group(1)) : Optional.empty();
    }

    /** The dispute a message in the room is about: by its topic, or by the bot's post it replies to. */
    public Optional<DisputeId> disputeOf(Message message) {
        if (topics && message.isTopicMessage() && message.getMessageThreadId() != null) {
            return threads.disputeOf(Integer.toString(message.getMessageThreadId()));
        }
        Message repliedTo = message.getReplyToMessage();
        if (!topics && repliedTo != null && repliedTo.getMessageId() != null) {
            return posts.disputeOf(Integer.toString(repliedTo.getMessageId()));
        }
        return Optional.empty();
    }

    /**
     * Whether the message goes to the room rather than to the mediator's private chat: what a mediator
     * of this channel is told about a dispute, and any answer to what they wrote in the room.
     */
    boolean takes(OutboundMessage message) {
        ChannelIdentity to = message.to().identity();
        return TelegramChannel.NAME.equals(to.channel()) && settings.isMediator(to)
                && (message.about().isPresent() || chat.equals(message.to().conversation()));
    }

    /**
     * Whether to post a message about a dispute: the engine sends the same words to every mediator, the
     * room shows them once. An answer to someone who wrote in the room is for that one, always shown.
     *
     * <p>A copy is the same text and buttons for another mediator ({@link MediatorRoom#firstCopy}). The
     * same message to the same mediator again is not a copy but a repeat (a party who writes "ok" twice, a
     * second hand-off), and is shown again, once.
     */
    boolean firstPost(OutboundMessage message, DisputeId dispute) {
        if (chat.equals(message.to().conversation())) {
            return true;
        }
        String post = message.text() + "\n" + message.options().stream().map(ReplyOption::id).toList();
        return threads.firstCopy(message.to().identity(), dispute, post);
    }

    /** The dispute's thread, if its card was posted: a topic id, or the card's message id. */
    Optional<Integer> threadOf(DisputeId dispute) {
        return threads.threadOf(dispute).map(Integer::valueOf);
    }

    /** Whether a dispute's thread is a topic the sender creates before the card. */
    boolean topics() {
        return topics;
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
        if (topics) {
            message.setMessageThreadId(thread);
        } else {
            message.setReplyToMessageId(thread);
            // A card deleted by someone in the group must not block the dispute's later posts.
            message.setAllowSendingWithoutReply(true);
        }
    }

    /** Records a topic as the dispute's thread. */
    void rememberTopic(DisputeId dispute, int topic) {
        threads.rememberThread(dispute, Integer.toString(topic));
    }

    /** Records a post; in a reply-chain room the first one, the card, becomes the dispute's thread. */
    void rememberPost(DisputeId dispute, Message sent, boolean card) {
        if (topics || sent == null || sent.getMessageId() == null) {
            return;
        }
        String id = Integer.toString(sent.getMessageId());
        if (card) {
            threads.rememberThread(dispute, id);
        }
        posts.rememberThread(dispute, id);
    }
}
