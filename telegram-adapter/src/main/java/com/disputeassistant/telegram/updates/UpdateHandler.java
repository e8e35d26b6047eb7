package com.disputeassistant.telegram.updates;

import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.inbound.ChatAnswer;
import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.language.Language;
import com.disputeassistant.language.Texts;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.linking.CodeLinking;
import com.disputeassistant.telegram.sending.TelegramChannel;
import com.disputeassistant.telegram.sending.TelegramRoom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Translates one Telegram update into a {@link ChatEvent} for the one inbound path ({@link ChatInbound}),
 * which decides who the person is, whether a press counts and what the mediators' room allows; this only
 * knows Telegram: chats, commands, callback queries, topics and reply chains, and link codes. The same for
 * long polling and webhooks.
 *
 * <p>Returns only once the update's effect is stored (the engine's commit, the replies in the outbox),
 * and throws if it could not be stored, so that the caller confirms the update to Telegram only then.
 * Each update is applied at most once: its delivery id ({@code telegram:update:<update_id>}) goes with
 * the event, so a repeated update (a redelivered webhook, a poll after a crash) changes nothing and is
 * not answered again.
 *
 * <p>A document or a photo, with its caption as the text, is a message with a file ({@link TelegramFiles}):
 * the inbound path fetches, checks and keeps it, and says whether it was added.
 *
 * <p>Private chats are for parties and mediators alike; the one group the bot works in is the mediators'
 * room ({@link TelegramRoom}), if set.
 */
public final class UpdateHandler {
    /** The platform's idempotency key for an update, as the engine records it. */
    public static final String DELIVERY_PREFIX = "telegram:update:";
    /** The kinds of update the bot acts on: Telegram then does not even queue the others. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private final ChatInbound inbound;
    private final TelegramChannel channel;
    private final CodeLinking linking;
    /** The mediators' room, or null when there is none. */
    private final TelegramRoom room;
    private final TelegramFiles files;

    /** @param http fetches the files people send (documents, photos) */
    public UpdateHandler(ChatInbound inbound, TelegramChannel channel, CodeLinking linking, TelegramRoom room,
                         TelegramHttp http) {
        this.inbound = inbound;
        this.channel = channel;
        this.linking = linking;
        this.room = room;
        this.files = new TelegramFiles(http);
    }

    /** Handles an update once; a repeat changes nothing. Throws only when its effect could not be stored. */
    public void handle(Update update) {
        if (update.getUpdateId() == null) {
            log.warn("Ignoring a Telegram update without update_id");
            return;
        }
        String deliveryId = DELIVERY_PREFIX + update.getUpdateId();
        if (update.hasCallbackQuery()) {
            onPress(update.getCallbackQuery(), deliveryId);
        } else if (update.hasMessage()) {
            onMessage(update.getMessage(), deliveryId);
        }
        // Other kinds (edits, reactions...) are not asked for; one that comes anyway is left alone.
    }

    /** Registers the command menu that Telegram shows next to the text field. */
    public void registerCommands(TelegramClient client) throws TelegramApiException {
        // One list per language: Telegram shows a user the list of their app's language, else the default.
        for (Language language : Language.values()) {
            SetMyCommands commands = new SetMyCommands(ChatCommand.ALL.stream()
                    .map(command -> new BotCommand(command.word(), command.description(language)))
                    .toList());
            if (language != Language.DEFAULT) {
                commands.setLanguageCode(language.code());
            }
            client.execute(commands);
        }
    }

    private void onMessage(Message message, String deliveryId) {
        User from = message.getFrom();
        if (from == null || from.getId() == null || message.getChat() == null || Boolean.TRUE.equals(from.getIsBot())) {
            // Telegram sends neither a message without sender or chat: nothing to answer, nobody to answer.
            return;
        }
        ChannelIdentity identity = identityOf(from);
        Language language = languageOf(from);
        String chat = Long.toString(message.getChatId());
        List<IncomingFile> sent = files.of(message);
        if (room != null && room.chat().equals(chat)) {
            // Joins, topic events and other messages without text are the group's life, not meant for the bot.
            if (message.hasText() || !sent.isEmpty()) {
                answer(new ChatEvent.Text(identity, chat, TelegramRoom.threadOf(message, room.topics()),
                        message.hasText() ? ChatCommand.withoutBotName(message.getText()) : caption(message),
                        deliveryId, language, sent));
            }
            return;
        }
        ChatEvent.Text plain = ChatEvent.Text.direct(identity, chat, message.hasText() ? message.getText() : "", deliveryId)
                .withLanguage(language);
        if (!message.isUserMessage()) {
            inbound.tell(plain, text(plain, "telegram.private-only"));
            return;
        }
        if (!sent.isEmpty()) {
            // A caption is never a command: it is what the person says about the file.
            answer(ChatEvent.Text.direct(identity, chat, caption(message), deliveryId).withLanguage(language)
                    .withFiles(sent));
            return;
        }
        if (!message.hasText()) {
            inbound.tell(plain, text(plain, "telegram.text-only"));
            return;
        }
        ChatCommand.Invocation invocation = ChatCommand.parse(message.getText()).orElse(null);
        if (invocation != null && invocation.command() == ChatCommand.START) {
            onStart(plain, invocation.argument());
            return;
        }
        String text = invocation == null ? message.getText() : invocation.engineText();
        answer(ChatEvent.Text.direct(identity, chat, text, deliveryId).withLanguage(language));
    }

    private static String caption(Message message) {
        return message.hasCaption() ? message.getCaption() : "";
    }

    /** A message's event through the inbound path; what changed nothing is answered in the same chat. */
    private void answer(ChatEvent.Text event) {
        if (inbound.handle(event) instanceof ChatAnswer.Notice notice) {
            inbound.tell(event, notice.text());
        }
    }

    /**
     * {@code /start}, maybe with a link code from the marketplace: links first (once per update, as a code
     * is good for one use), then shows the menu, which tells a person still unknown how to link.
     */
    private void onStart(ChatEvent.Text start, String code) {
        Address address = new Address(start.from(), start.conversation());
        if (code.isEmpty()) {
            // Queued with its own handled-marker in one write, like any notice: once, however often the update comes.
            inbound.tell(ChatEvent.Text.direct(start.from(), start.conversation(), "", start.deliveryId() + ":welcome"),
                    text(start, "telegram.welcome"));
        } else if (!inbound.once(start.deliveryId() + ":link", () -> redeem(start, address, code)).orElse(true)) {
            return;
        }
        answer(ChatEvent.Text.direct(start.from(), start.conversation(), ChatCommand.DISPUTE.engineText(),
                start.deliveryId()).withLanguage(start.language()));
    }

    /** Redeems a link code and says how it went; whether the account is linked now. */
    private boolean redeem(ChatEvent.Text start, Address address, String code) {
        CodeLinking.Result result = linking.redeem(code, address.identity());
        if (result instanceof CodeLinking.Result.Refused refused) {
            channel.say(address, text(start, "telegram.link." + refused.reason(), address.identity().id()));
            return false;
        }
        channel.say(address, result instanceof CodeLinking.Result.Linked linked
                ? text(start, "telegram.link.linked", linked.person().name())
                : text(start, "telegram.link.already", ((CodeLinking.Result.AlreadyLinked) result).person().name()));
        return true;
    }

    /** What the channel itself says, in the person's language (see {@link ChatInbound#languageOf}). */
    private String text(ChatEvent event, String key, Object... args) {
        return Texts.of(inbound.languageOf(event)).get(key, args);
    }

    /** The language of the person's Telegram app, if the bot speaks it: a hint for the engine. */
    private static Language languageOf(User user) {
        return Language.of(user.getLanguageCode()).orElse(null);
    }

    /** A button press: answered to Telegram either way, with the reason when it changed nothing; a repeat is not. */
    private void onPress(CallbackQuery query, String deliveryId) {
        if (query.getId() == null || query.getFrom() == null || query.getFrom().getId() == null) {
            log.warn("Ignoring a Telegram callback query without an id or a sender ({})", deliveryId);
            return;
        }
        ChannelIdentity identity = identityOf(query.getFrom());
        Long chatId = query.getMessage() != null ? query.getMessage().getChatId() : null;
        String chat = chatId != null ? Long.toString(chatId) : identity.id();
        String token = query.getData() == null ? "" : query.getData();
        // Answered as soon as the press is checked, so the button stops spinning while the engine answers.
        inbound.handle(new ChatEvent.Press(identity, chat, token, deliveryId, languageOf(query.getFrom())),
                checked -> channel.answerCallbackQuery(query.getId(), chat, checked));
    }

    private static ChannelIdentity identityOf(User user) {
        return new ChannelIdentity(TelegramChannel.NAME, Long.toString(user.getId()));
    }
}
