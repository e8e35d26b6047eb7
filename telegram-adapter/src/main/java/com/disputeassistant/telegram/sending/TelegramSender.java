package com.disputeassistant.telegram.sending;

import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.PlatformSender;
import com.disputeassistant.outbox.SendFailure;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Posts one queued Bot API call and tells the outbox how it went: Telegram's 429 with {@code retry_after}
 * means wait that long; a 5xx, a reply that is not Telegram's JSON, or no reply at all is worth retrying;
 * any other error (400 bad request, 403 the user blocked the bot) will not get better and is dead-lettered.
 *
 * <p>A document ({@link DocumentPost}) is read from the evidence store first, whole and checked against
 * its SHA-256, and only then uploaded ({@code sendDocument}, multipart, under its kept name; TelegramBots
 * declares the part {@code application/octet-stream}, and Telegram finds the type itself). A store that
 * cannot be read now is a transient failure; bytes that changed are a permanent one, and are never sent.
 */
final class TelegramSender implements PlatformSender {
    /** When a 429 names no wait (it always does today), one second is what Telegram's limits suggest. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final TelegramClient client;
    private final BotApiCalls calls;
    /** The mediators' room, or null when there is none. */
    private final TelegramRoom room;
    /** Where kept evidence is read back, or null when the application keeps none. */
    private final EvidenceFiles evidence;

    TelegramSender(TelegramClient client, BotApiCalls calls) {
        this(client, calls, null, null);
    }

    TelegramSender(TelegramClient client, BotApiCalls calls, TelegramRoom room, EvidenceFiles evidence) {
        this.client = client;
        this.calls = calls;
        this.room = room;
        this.evidence = evidence;
    }

    @Override
    public void send(OutboxEntry entry) throws SendFailure {
        Optional<DocumentPost> document = calls.decodeDocument(entry.payload());
        if (document.isPresent()) {
            send(document.get());
            return;
        }
        Optional<RoomPost> post = calls.decodeRoomPost(entry.payload());
        if (post.isPresent()) {
            post(post.get());
            return;
        }
        execute(calls.decode(entry.payload())
                .orElseThrow(() -> SendFailure.permanent("not a Bot API call this channel queues: " + entry.payload())));
    }

    /**
     * Posts in the dispute's thread; the first post about a dispute becomes its card, in a topic created
     * for it in a forum. A crash between the card and remembering it posts the card again on the retry:
     * a repeated card is better than a dispute with no thread.
     */
    private void post(RoomPost post) throws SendFailure {
        if (room == null) {
            throw SendFailure.permanent("a post for the mediators' room, which is no longer configured: "
                    + post.message().getText());
        }
        SendMessage message = post.message();
        Optional<Integer> thread = room.threadOf(post.dispute());
        boolean card = thread.isEmpty();
        if (card && room.topics()) {
            ForumTopic topic = execute(CreateForumTopic.builder().chatId(message.getChatId())
                    .name(post.topic()).build());
            room.rememberTopic(post.dispute(), topic.getMessageThreadId());
            thread = Optional.of(topic.getMessageThreadId());
        }
        thread.ifPresent(id -> room.placeIn(message, id));
        room.rememberPost(post.dispute(), execute(message), card);
    }

    /** Reads the file, checked, then uploads it to the chat, in the dispute's thread if it names one. */
    private void send(DocumentPost post) throws SendFailure {
        EvidenceRef ref = post.evidence();
        byte[] bytes = SendFailure.readEvidence(evidence, ref);
        SendDocument document = SendDocument.builder().chatId(post.chat())
                .document(new InputFile(new ByteArrayInputStream(bytes), ref.name())).build();
        if (post.dispute() != null && room != null) {
            room.threadOf(post.dispute()).ifPresent(thread -> room.placeIn(document, thread));
        }
        execute(document, () -> client.execute(document));
    }

    private <T extends Serializable> T execute(BotApiMethod<T> call) throws SendFailure {
        return execute(call, () -> client.execute(call));
    }

    /** A call to Telegram, its failure as the outbox should take it. */
    private <T> T execute(PartialBotApiMethod<?> call, TelegramCall<T> execution) throws SendFailure {
        try {
            return execution.run();
        } catch (TelegramApiValidationException e) {
            throw SendFailure.permanent("TelegramBots refused the call as invalid: " + e.getMessage());
        } catch (TelegramApiRequestException e) {
            throw failureOf(call, e);
        } catch (TelegramApiException e) {
            throw SendFailure.transientFailure(call.getMethod() + " got no answer from Telegram", e);
        }
    }

    @FunctionalInterface
    private interface TelegramCall<T> {
        T run() throws TelegramApiException;
    }

    private static SendFailure failureOf(PartialBotApiMethod<?> call, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String why = call.getMethod() + ": " + (code == 0 ? e.getMessage() : code + " " + e.getApiResponse());
        if (code == 429) {
            ResponseParameters parameters = e.getParameters();
            Duration wait = parameters != null && parameters.getRetryAfter() != null
                    ? Duration.ofSeconds(parameters.getRetryAfter()) : DEFAULT_RETRY_AFTER;
            return SendFailure.retryAfter(wait, why);
        }
        // Code 0: the answer was not Telegram's JSON (a proxy's error page, a cut-off body).
        if (code == 0 || code >= 500) {
            return SendFailure.transientFailure(why, e);
        }
        return SendFailure.permanent(why);
    }
}
