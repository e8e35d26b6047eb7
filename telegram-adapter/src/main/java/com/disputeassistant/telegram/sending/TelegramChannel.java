package com.disputeassistant.telegram.sending;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.ReplyWrite;
import com.disputeassistant.rooms.ChatRoom;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The {@code telegram} channel: renders what the engine says for Telegram as entries of the durable
 * outbox, which the turn's own write queues, and from which {@link TelegramSender} posts them, paced and
 * retried. Delivering thus never waits for Telegram and never loses a message to a Telegram outage.
 *
 * <p>Text goes in HTML parse mode, escaped, in parts of at most 4096 characters; reply options become an
 * inline keyboard on the last part, one button a row. A button carries an opaque token ({@link
 * ReplyTokens}) as its {@code callback_data} (Telegram allows 64 bytes): the inbound path resolves a press
 * of it, and refuses a press by anyone else or a second one.
 *
 * <p>With a mediators' room ({@link TelegramRoom}), the room's policy ({@link ChatRoom#placeOf}) decides
 * what mediators are told about a dispute: it goes to that dispute's thread in the room, once, with
 * buttons any mediator may press.
 *
 * <p><b>Evidence files</b> a message carries ({@link OutboundMessage#attachments()}) follow its text as
 * documents ({@code sendDocument}), one outbox entry each, in the same chat (or the dispute's thread), so
 * the outbox keeps them in order after the text. Each part is sent and retried on its own: when the text
 * went out and a document failed, only the document is tried again (never the text twice), and a document
 * that cannot be sent at all (its bytes changed in the store, Telegram refuses it) goes to the dead letters
 * with its reason while the text, which names every file, has already told the recipient what was sent.
 * Half a message is thus possible for a while, a repeated or lost part is not. Documents rather than
 * photos: Telegram recompresses a photo, and the recipient should get the very bytes whose SHA-256 was kept.
 */
public final class TelegramChannel implements Channel, ChatRoom.Poster {
    /** The channel name in identities: {@code telegram:<user id>}. */
    public static final String NAME = "telegram";
    /** Telegram's limit for the text of an answer to a button press. */
    static final int MAX_CALLBACK_TEXT = 200;
    /** Telegram refuses an empty message; a message of options alone (never sent today) gets this. */
    private static final String NO_TEXT = "…";

    private final Outbox outbox;
    private final ReplyTokens tokens;
    private final BotApiCalls calls;
    /** The mediators' room, or null when mediators are written to in private chats. */
    private final TelegramRoom room;

    TelegramChannel(Outbox outbox, ReplyTokens tokens, BotApiCalls calls) {
        this(outbox, tokens, calls, null);
    }

    TelegramChannel(Outbox outbox, ReplyTokens tokens, BotApiCalls calls, TelegramRoom room) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.calls = calls;
        this.room = room;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ReplyWrite> render(OutboundMessage message) {
        recipientOf(message);
        return ChatRoom.post(room == null ? null : room.policy(), message, this);
    }

    @Override
    public List<ReplyWrite> direct(OutboundMessage message) {
        // A private chat's id is the user's id: this is also where a person is first reached proactively.
        String chat = message.to().conversation();
        List<ReplyWrite> writes = new ArrayList<>(render(chat, message.text(),
                keyboard(tokens.forRecipient(message, List.of()))).stream()
                .map(send -> queued(new OutboxEntry(chat, calls.encode(send)))).toList());
        writes.addAll(documents(chat, message, null));
        return writes;
    }

    /** One entry per evidence file of the message, to follow its text. */
    private List<ReplyWrite> documents(String chat, OutboundMessage message, DisputeId thread) {
        return message.attachments().stream()
                .map(ref -> queued(new OutboxEntry(chat, calls.encode(new DocumentPost(chat, ref, thread))))).toList();
    }

    /** A message in the room: about a dispute, in its thread; about none (the queue, an answer), at the top level. */
    @Override
    public List<ReplyWrite> inRoom(OutboundMessage message, DisputeId dispute) {
        List<SendMessage> parts = render(room.chat(), message.text(), keyboard(tokens.inRoom(room.policy(), message)));
        String topic = dispute == null ? null : TelegramRoom.topicName(dispute, message.text());
        List<ReplyWrite> writes = new ArrayList<>(parts.stream().map(send -> queued(new OutboxEntry(room.chat(),
                dispute == null ? calls.encode(send) : calls.encode(new RoomPost(dispute, topic, send))))).toList());
        writes.addAll(documents(room.chat(), message, dispute));
        return writes;
    }

    private ReplyWrite queued(OutboxEntry entry) {
        return ReplyWrite.toOutbox(outbox.key(), entry);
    }

    /**
     * Says something of the channel's own (a welcome, how a link code went) to one person, queued at once:
     * it answers no turn, so there is no turn's write to queue it with. Returns the text.
     */
    public String say(Address to, String text) {
        outbox.append(direct(new OutboundMessage(to, text, List.of())).stream()
                .map(write -> new OutboxEntry(write.first(), write.second())).toList());
        return text;
    }

    /** HTML parts of at most 4096 characters, the keyboard on the last. */
    private static List<SendMessage> render(String chat, String text, InlineKeyboardMarkup keyboard) {
        List<String> parts = TelegramHtml.split(TelegramHtml.escape(text), TelegramHtml.MAX_LENGTH);
        if (parts.isEmpty()) {
            parts = List.of(NO_TEXT);
        }
        List<SendMessage> sends = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            sends.add(SendMessage.builder().chatId(chat).text(parts.get(i)).parseMode(ParseMode.HTML)
                    .replyMarkup(i == parts.size() - 1 ? keyboard : null).build());
        }
        return sends;
    }

    /**
     * Queues the answer to a button press, which Telegram requires for every press; {@code text} (the
     * reason a press was refused) is shown to the presser, an empty one just ends the button's spinner.
     * Queued under its own lane, not the chat's, so that it is not paced behind the chat's messages.
     */
    public void answerCallbackQuery(String callbackQueryId, String chat, String text) {
        String shown = text.length() > MAX_CALLBACK_TEXT ? text.substring(0, MAX_CALLBACK_TEXT - 1) + "…" : text;
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId)
                .text(shown.isEmpty() ? null : shown).build();
        outbox.append(List.of(new OutboxEntry("callback:" + chat, calls.encode(answer))));
    }

    /** The queue this channel fills, for the sender that drains it. */
    Outbox outbox() {
        return outbox;
    }

    /** An inline keyboard, one button a row, each carrying its token; none for no buttons. */
    private static InlineKeyboardMarkup keyboard(List<ReplyTokens.Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>(buttons.size());
        for (ReplyTokens.Button button : buttons) {
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(button.label())
                    .callbackData(button.token()).build()));
        }
        return new InlineKeyboardMarkup(rows);
    }
}
