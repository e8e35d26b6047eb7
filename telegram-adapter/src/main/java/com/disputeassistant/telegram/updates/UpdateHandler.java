package com.disputeassistant.telegram.updates;

import com.disputeassistant.buttons.ButtonPress;
import com.disputeassistant.buttons.ButtonRegistry;
import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.conversation.Delivery;
import com.disputeassistant.conversation.InboundMessage;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.language.Language;
import com.disputeassistant.language.Texts;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.telegram.linking.CodeLinking;
import com.disputeassistant.telegram.sending.TelegramChannel;
import com.disputeassistant.telegram.sending.TelegramRoom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Turns one Telegram update into what it means: a turn of the engine, a link by code, or an answer
 * from the channel itself. The same for long polling and webhooks.
 *
 * <p>Returns only once the update's effect is stored (the engine's commit, the replies in the outbox),
 * and throws if it could not be stored, so that the caller confirms the update to Telegram only then.
 * Each update is applied at most once: its delivery id ({@code telegram:update:<update_id>}) goes with
 * the engine's turn, which the engine applies once, and is marked handled afterwards, so a repeated
 * update (a redelivered webhook, a poll after a crash) changes nothing and is not answered again.
 *
 * <p>Private chats are for parties and mediators alike; the one group the bot works in is the mediators'
 * room ({@link TelegramRoom}), if set, where a mediator's message in a dispute's thread is about that dispute.
 */
public final class UpdateHandler {
    /** The platform's idempotency key for an update, as the engine records it. */
    public static final String DELIVERY_PREFIX = "telegram:update:";
    /** The kinds of update the bot acts on: Telegram then does not even queue the others. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
    /** What a mediator may write at the room's top level: commands about no dispute in particular. */
    private static final Set<String> ROOM_TOP_LEVEL_COMMANDS = Set.of("queue", "claim", "help");

    private final ConversationEngine engine;
    private final Delivery delivery;
    private final Marketplace marketplace;
    private final ProcedureSettings settings;
    private final DisputeStore store;
    private final ButtonRegistry buttons;
    private final TelegramChannel channel;
    private final CodeLinking linking;
    /** The mediators' room, or null when there is none. */
    private final TelegramRoom room;

    public UpdateHandler(ConversationEngine engine, Delivery delivery, Marketplace marketplace, ProcedureSettings settings,
                         DisputeStore store, ButtonRegistry buttons, TelegramChannel channel, CodeLinking linking,
                         TelegramRoom room) {
        this.engine = engine;
        this.delivery = delivery;
        this.marketplace = marketplace;
        this.settings = settings;
        this.store = store;
        this.buttons = buttons;
        this.channel = channel;
        this.linking = linking;
        this.room = room;
    }

    /** Handles an update once; a repeat is skipped. Throws only when its effect could not be stored. */
    public void handle(Update update) {
        if (update.getUpdateId() == null) {
            log.warn("Ignoring a Telegram update without update_id");
            return;
        }
        String deliveryId = DELIVERY_PREFIX + update.getUpdateId();
        if (store.wasHandled(deliveryId)) {
            log.debug("Update {} was handled before; skipping it", update.getUpdateId());
            return;
        }
        if (update.hasCallbackQuery()) {
            onPress(update.getCallbackQuery(), deliveryId);
        } else if (update.hasMessage()) {
            onMessage(update.getMessage(), deliveryId);
        }
        // Other kinds (edits, reactions...) are not asked for; one that comes anyway is left alone.
        store.markHandled(deliveryId);
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
        if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
            return;
        }
        ChannelIdentity identity = identityOf(from);
        Language language = Language.of(from.getLanguageCode()).orElse(null);
        if (room != null && room.isRoom(message.getChatId())) {
            onRoomMessage(message, identity, language, deliveryId);
            return;
        }
        Address address = new Address(identity, Long.toString(message.getChatId()));
        if (!message.isUserMessage()) {
            say(address, text(language, "telegram.private-only"));
            return;
        }
        if (!message.hasText()) {
            say(address, text(language, "telegram.text-only"));
            return;
        }
        ChatCommand.Invocation invocation = ChatCommand.parse(message.getText()).orElse(null);
        if (invocation != null && invocation.command() == ChatCommand.START) {
            onStart(address, language, invocation.argument(), deliveryId);
            return;
        }
        if (!known(identity)) {
            say(address, text(language, "telegram.not-linked", identity.id()));
            return;
        }
        String text = invocation == null ? message.getText() : invocation.engineText();
        turn(InboundMessage.text(address, text).withDeliveryId(deliveryId).withLanguage(language));
    }

    /**
     * A message in the mediators' room: in a dispute's thread it is about that dispute; at the top level
     * only the commands that name no dispute make sense. Joins, topic events and other messages without
     * text are the group's life, not meant for the bot.
     */
    private void onRoomMessage(Message message, ChannelIdentity identity, Language language, String deliveryId) {
        Address address = new Address(identity, room.chat());
        if (!message.hasText()) {
            return;
        }
        if (!room.admits(identity)) {
            say(address, text(language, "telegram.room.mediators-only"));
            return;
        }
        String text = ChatCommand.withoutBotName(message.getText());
        Optional<DisputeId> dispute = room.disputeOf(message);
        if (dispute.isPresent()) {
            turn(InboundMessage.text(address, text).about(dispute.get()).withDeliveryId(deliveryId).withLanguage(language));
        } else if (ChatCommand.word(text).filter(ROOM_TOP_LEVEL_COMMANDS::contains).isPresent()) {
            turn(InboundMessage.text(address, text).withDeliveryId(deliveryId).withLanguage(language));
        } else {
            // Anything else would act on whichever dispute the mediator last touched: too easy to get wrong.
            say(address, text(language, "telegram.room.top-level"));
        }
    }

    private void onStart(Address address, Language language, String code, String deliveryId) {
        if (!code.isEmpty()) {
            CodeLinking.Result result = linking.redeem(code, address.identity());
            if (result instanceof CodeLinking.Result.Refused refused) {
                say(address, text(language, "telegram.link." + refused.reason(), address.identity().id()));
                return;
            }
            say(address, result instanceof CodeLinking.Result.Linked linked
                    ? text(language, "telegram.link.linked", linked.person().name())
                    : text(language, "telegram.link.already", ((CodeLinking.Result.AlreadyLinked) result).person().name()));
        } else {
            say(address, text(language, "telegram.welcome"));
        }
        if (known(address.identity())) {
            turn(InboundMessage.text(address, ChatCommand.DISPUTE.engineText()).withDeliveryId(deliveryId)
                    .withLanguage(language));
        } else {
            say(address, text(language, "telegram.not-linked", address.identity().id()));
        }
    }

    /**
     * A button press. In the mediators' room the buttons are the room's, for any mediator: the presser
     * must be one, and the engine then decides what that mediator may do.
     */
    private void onPress(CallbackQuery query, String deliveryId) {
        ChannelIdentity identity = identityOf(query.getFrom());
        Language language = Language.of(query.getFrom().getLanguageCode()).orElse(null);
        Long chatId = query.getMessage() != null ? query.getMessage().getChatId() : null;
        String chat = chatId != null ? Long.toString(chatId) : identity.id();
        boolean inRoom = room != null && room.isRoom(chatId);
        if (inRoom ? !room.admits(identity) : !known(identity)) {
            channel.answerCallbackQuery(query.getId(), chat,
                    text(language, inRoom ? "telegram.room.press.mediators-only" : "telegram.not-linked.button"));
            return;
        }
        String token = query.getData();
        Optional<DisputeId> claim = inRoom ? TelegramRoom.claimIn(token) : Optional.empty();
        if (claim.isPresent()) {
            channel.answerCallbackQuery(query.getId(), chat, "");
            turn(InboundMessage.text(new Address(identity, chat), "/claim " + claim.get()).about(claim.get())
                    .withDeliveryId(deliveryId).withLanguage(language));
            return;
        }
        ButtonPress press = token == null || token.isEmpty()
                ? new ButtonPress.Refused("telegram.press-failed")
                : buttons.press(token, inRoom ? room.identity() : identity, deliveryId);
        if (press instanceof ButtonPress.Accepted accepted) {
            // Acknowledged at once, so the button stops spinning while the engine answers in the chat.
            channel.answerCallbackQuery(query.getId(), chat, "");
            turn(InboundMessage.option(new Address(identity, chat), accepted.optionId()).withDeliveryId(deliveryId)
                    .withLanguage(language));
        } else {
            channel.answerCallbackQuery(query.getId(), chat, ((ButtonPress.Refused) press).explanation(language));
        }
    }

    private void turn(InboundMessage message) {
        delivery.deliver(engine.handle(message));
    }

    private void say(Address to, String text) {
        delivery.deliver(List.of(new OutboundMessage(to, text, List.of())));
    }

    /**
     * What the channel itself says, in the language of the sender's Telegram app: these people are not
     * known to the engine yet (or not in a turn), so their app's language is all there is to go by.
     */
    private static String text(Language language, String key, Object... args) {
        return Texts.of(language).get(key, args);
    }

    /** Known to the engine: a marketplace person (by the file or a link), or a mediator. */
    private boolean known(ChannelIdentity identity) {
        return settings.isMediator(identity) || marketplace.personByIdentity(identity).isPresent();
    }

    private static ChannelIdentity identityOf(User user) {
        return new ChannelIdentity(TelegramChannel.NAME, Long.toString(user.getId()));
    }
}
