package com.disputeassistant.telegram.sending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The outbox's payload format: a Bot API call as the JSON body Telegram receives, with its
 * {@code method} field, so a dead letter reads like the request it stands for. Written and read with
 * TelegramBots' own mapping (its Jackson 2 annotations), which is what its client sends.
 */
final class BotApiCalls {
    /** The calls the channel queues, by the library's (lower-case) method name. */
    private static final Map<String, Class<? extends BotApiMethod<?>>> QUEUED = Map.of(
            SendMessage.PATH, SendMessage.class,
            AnswerCallbackQuery.PATH, AnswerCallbackQuery.class);

    private final ObjectMapper json = new ObjectMapper();

    String encode(BotApiMethod<?> call) {
        try {
            return json.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + call.getMethod() + " as JSON", e);
        }
    }

    /** The call a payload stands for; empty when it is not JSON or not a call the channel queues. */
    Optional<BotApiMethod<?>> decode(String payload) {
        try {
            JsonNode tree = json.readTree(payload);
            String method = tree.path("method").asText("").toLowerCase(Locale.ROOT);
            Class<? extends BotApiMethod<?>> type = QUEUED.get(method);
            if (type == null) {
                return Optional.empty();
            }
            return Optional.of(json.treeToValue(tree, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
