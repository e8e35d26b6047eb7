package com.disputeassistant.telegram.sending;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.evidence.EvidenceRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        return write(json.valueToTree(call), call.getMethod());
    }

    /** A room post: {@code {"method":"roompost","dispute":"D…","topic":"…","message":{the sendMessage call}}}. */
    String encode(RoomPost post) {
        ObjectNode tree = json.createObjectNode();
        tree.put("method", RoomPost.METHOD);
        tree.put("dispute", post.dispute().value());
        tree.put("topic", post.topic());
        tree.set("message", json.valueToTree(post.message()));
        return write(tree, RoomPost.METHOD);
    }

    /**
     * A document to send: {@code {"method":"senddocument","chat_id":"…","evidence":{the reference},"dispute":"D…"}},
     * the dispute only for the room's thread.
     */
    String encode(DocumentPost post) {
        ObjectNode tree = json.createObjectNode();
        tree.put("method", DocumentPost.METHOD);
        tree.put("chat_id", post.chat());
        try {
            tree.set("evidence", json.readTree(post.evidence().toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an evidence reference that is not JSON", e);
        }
        if (post.dispute() != null) {
            tree.put("dispute", post.dispute().value());
        }
        return write(tree, DocumentPost.METHOD);
    }

    /** The document a payload stands for; empty when it is not one. */
    Optional<DocumentPost> decodeDocument(String payload) {
        try {
            JsonNode tree = json.readTree(payload);
            if (!DocumentPost.METHOD.equals(tree.path("method").asText(""))) {
                return Optional.empty();
            }
            String dispute = tree.path("dispute").asText("");
            return Optional.of(new DocumentPost(tree.path("chat_id").asText(""),
                    EvidenceRef.fromJson(json.writeValueAsString(tree.path("evidence"))),
                    dispute.isEmpty() ? null : new DisputeId(dispute)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The room post a payload stands for; empty when it is not one. */
    Optional<RoomPost> decodeRoomPost(String payload) {
        try {
            JsonNode tree = json.readTree(payload);
            if (!RoomPost.METHOD.equals(tree.path("method").asText(""))) {
                return Optional.empty();
            }
            return Optional.of(new RoomPost(new DisputeId(tree.path("dispute").asText("")),
                    tree.path("topic").asText("Dispute"),
                    json.treeToValue(tree.path("message"), SendMessage.class)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String write(JsonNode tree, String method) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + method + " as JSON", e);
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
