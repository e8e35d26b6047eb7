package com.disputeassistant.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A Telegram user in a test script, in the style of the engine's conversation scripts: what they send or
 * press goes through the fake Bot API to the polling bot, and what they receive is what the bot posted
 * to their chat. A press finds the button by its label in the messages the bot actually sent, and sends
 * back that button's {@code callback_data}.
 */
public final class TelegramUser {
    private final FakeBotApi api;
    private final long id;
    private final LongSupplier offset;
    private int seen;

    /** @param offset the bot's stored polling offset, to know when an update has been handled */
    public TelegramUser(FakeBotApi api, long id, LongSupplier offset) {
        this.api = api;
        this.id = id;
        this.offset = offset;
    }

    public long id() {
        return id;
    }

    /** Sends a text and waits until the bot has handled it. */
    public TelegramUser says(String text) {
        awaitHandled(api.send(id, text));
        return this;
    }

    /** Sends a document with a caption (or none) and waits until the bot has handled it; returns its update id. */
    public int sendsDocument(String fileName, String mimeType, byte[] bytes, String caption) {
        int update = api.sendDocument(id, fileName, mimeType, bytes, caption);
        awaitHandled(update);
        return update;
    }

    /** Sends a photo with a caption (or none) and waits until the bot has handled it; returns its update id. */
    public int sendsPhoto(byte[] jpeg, String caption) {
        int update = api.sendPhoto(id, jpeg, caption);
        awaitHandled(update);
        return update;
    }

    /** Waits for the bot to upload a file of this name to this user's chat. */
    public FakeBotApi.Upload receivedFile(String fileName) {
        return Await.result(id + " receives the file " + fileName + "; got " + api.uploadsTo(id),
                () -> api.uploadsTo(id).stream().filter(u -> fileName.equals(u.fileName())).findFirst().orElse(null));
    }

    /** Presses the newest button whose label starts with {@code label}; waits until it is handled. */
    public int presses(String label) {
        int update = api.press(id, callbackData(label));
        awaitHandled(update);
        return update;
    }

    /**
     * Opens a dispute: {@code /dispute}, the order's button, the reason's button and a one-message
     * description; waits for the bot's answer that the other party was told.
     */
    public TelegramUser opensDispute(String order, String reason, String description) {
        says("/dispute").presses("Dispute " + order);
        presses(reason);
        return says(description).received("I've told");
    }

    /** Waits until the bot has confirmed (moved its offset past) this update. */
    public void awaitHandled(int updateId) {
        Await.until("update " + updateId + " handled", () -> offset.getAsLong() > updateId);
    }

    /** The callback_data of the newest button sent to this user whose label starts with {@code label}. */
    public String callbackData(String label) {
        List<FakeBotApi.Request> messages = Await.result("a button '" + label + "' for " + id, () -> {
            List<FakeBotApi.Request> sent = api.messagesTo(id);
            return sent.stream().anyMatch(m -> button(m, label) != null) ? sent : null;
        });
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode button = button(messages.get(i), label);
            if (button != null) {
                return button.path("callback_data").asText();
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * Waits for a message that contains {@code text} (as the person reads it), from the last one matched
     * on: one message often carries several sentences a script checks one by one.
     */
    public TelegramUser received(String text) {
        Await.until(id + " receives \"" + text + "\"; got " + texts(), () -> {
            List<String> texts = texts();
            for (int i = seen; i < texts.size(); i++) {
                if (texts.get(i).contains(text)) {
                    seen = i;
                    return true;
                }
            }
            return false;
        });
        return this;
    }

    /** Every text sent to this user, as shown (HTML entities read back). */
    public List<String> texts() {
        return api.messagesTo(id).stream().map(m -> unescape(m.text("text"))).toList();
    }

    /** The HTML as sent, before Telegram reads it. */
    public List<String> html() {
        return api.messagesTo(id).stream().map(m -> m.text("text")).toList();
    }

    public void receivedNothingMoreThan(int count) {
        assertThat(texts()).as("messages to %s", id).hasSize(count);
    }

    private static JsonNode button(FakeBotApi.Request message, String label) {
        for (JsonNode row : message.json().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().startsWith(label)) {
                    return button;
                }
            }
        }
        return null;
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
