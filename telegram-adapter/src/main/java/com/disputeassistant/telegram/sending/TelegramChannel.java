package com.disputeassistant.telegram.sending;

import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The {@code telegram} channel: renders what the engine says for Telegram and queues it in the durable
 * outbox, from which {@link TelegramSender} posts it, paced and retried. Delivering thus never waits for
 * Telegram and never loses a message to a Telegram outage.
 *
 * <p>Text goes in HTML parse mode, escaped, in parts of at most 4096 characters; reply options become an
 * inline keyboard on the last part, one button a row. A button carries an opaque token from the
 * {@link ButtonRegistry} as its {@code callback_data} (Telegram allows 64 bytes): the registry remembers
 * the option, the message and the person it was sent to, and refuses a press by anyone else or a second one.
 *
 * <p>With a mediators' room ({@link TelegramRoom}), what mediators are told about a dispute goes to that
 * dispute's thread in the room, once, with buttons any mediator may press.
 */
public final class TelegramChannel implements Channel {
    /** The channel name in identities: {@code telegram:<user id>}. */
    public static final String NAME = "telegram";
    /** Telegram's limit for the text of an answer to a button press. */
    static final int MAX_CALLBACK_TEXT = 200;
    /** Telegram refuses an empty message; a message of options alone (never sent today) gets this. */
    private static final String NO_TEXT = "…";

    private final Outbox outbox;
    private final ButtonRegistry buttons;
    private final BotApiCalls calls;
    /** The mediators' room, or null when mediators are written to in private chats. */
    private final TelegramRoom room;

    TelegramChannel(Outbox outbox, ButtonRegistry buttons, BotApiCalls calls) {
        this(outbox, buttons, calls, null);
    }

    TelegramChannel(Outbox outbox, ButtonRegistry buttons, BotApiCalls calls, TelegramRoom room) {
        this.outbox = outbox;
        this.buttons = buttons;
        this.calls = calls;
        this.room = room;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutboundMessage message) {
        ChannelIdentity to = recipientOf(message);
        if (room != null && room.takes(message)) {
            deliverToRoom(message);
            return;
        }
        // A private chat's id is the user's id: this is also where a person is first reached proactively.
        String chat = message.to().conversation();
        List<OutboxEntry> entries = render(chat, message.text(), keyboard(to, message.options(), false)).stream()
                .map(send -> new OutboxEntry(chat, calls.encode(send))).toList();
        outbox.append(entries);
    }

    /**
     * A mediator's message in the room: about a dispute, in its thread (posted once for all mediators);
     * about none (the queue, an answer to the room's top level), at the top level.
     */
    private void deliverToRoom(OutboundMessage message) {
        DisputeId dispute = message.about().orElse(null);
        if (dispute != null && !room.firstPost(message, dispute)) {
            return;
        }
        List<SendMessage> parts = render(room.chat(), message.text(), keyboard(room.identity(), message.options(), true));
        String topic = dispute == null ? null : TelegramRoom.topicName(dispute, message.text());
        outbox.append(parts.stream().map(send -> new OutboxEntry(room.chat(),
                dispute == null ? calls.encode(send) : calls.encode(new RoomPost(dispute, topic, send)))).toList());
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

    /** Buttons registered for {@code to}; in the room, Claim buttons are the room's own (see {@link TelegramRoom#claimIn}). */
    private InlineKeyboardMarkup keyboard(ChannelIdentity to, List<ReplyOption> options, boolean inRoom) {
        if (options.isEmpty()) {
            return null;
        }
        List<ReplyOption> registered = inRoom
                ? options.stream().filter(option -> TelegramRoom.claimData(option).isEmpty()).toList() : options;
        Iterator<String> tokens = (registered.isEmpty() ? List.<String>of() : buttons.register(to, registered)).iterator();
        List<InlineKeyboardRow> rows = new ArrayList<>(options.size());
        for (ReplyOption option : options) {
            String data = inRoom ? TelegramRoom.claimData(option).orElseGet(tokens::next) : tokens.next();
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(option.label()).callbackData(data).build()));
        }
        return new InlineKeyboardMarkup(rows);
    }
}
