package com.disputeassistant.telegram.updates;

import com.disputeassistant.evidence.FileSource;
import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.telegram.TelegramHttp;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The files of a Telegram message, as {@link IncomingFile}s for the inbound path: a document (its
 * {@code file_name}, {@code mime_type} and {@code file_size}), or a photo, of which Telegram sends several
 * sizes and no name: the largest, named after when it was sent ({@code photo-2026-09-21-140605.jpg}; Telegram
 * sends photos as JPEG). The caption is the message's text; the intake checks sizes and types.
 *
 * <p>The bytes are fetched the Bot API's way: {@code getFile} gives a {@code file_path}, valid for an
 * hour, and {@code GET /file/bot<token>/<file_path>} the bytes. A bot may download files of up to
 * {@value #DOWNLOAD_LIMIT} bytes only ({@code getFile} answers "file is too big" above): a file that
 * declares more is not even asked for. The intake's own limit, 20 MB by default, refuses such a file first,
 * with its reason; only a deployment that raised that limit lets one get here.
 */
final class TelegramFiles {
    /** The Bot API's limit for a bot downloading a file: 20 MB. */
    static final long DOWNLOAD_LIMIT = 20L * 1024 * 1024;
    private static final DateTimeFormatter PHOTO_NAME =
            DateTimeFormatter.ofPattern("'photo-'yyyy-MM-dd-HHmmss'.jpg'").withZone(ZoneOffset.UTC);

    private final TelegramHttp http;

    TelegramFiles(TelegramHttp http) {
        this.http = http;
    }

    /** The files sent with the message, in Telegram's order; none for a message without a document or photo. */
    List<IncomingFile> of(Message message) {
        if (message.hasDocument()) {
            Document document = message.getDocument();
            return List.of(new IncomingFile(document.getFileName() == null ? "document" : document.getFileName(),
                    document.getMimeType(), size(document.getFileSize()), source(document.getFileId(),
                    document.getFileSize())));
        }
        if (message.hasPhoto()) {
            PhotoSize largest = message.getPhoto().stream()
                    .max(Comparator.comparingLong((PhotoSize p) -> size(p.getFileSize()))
                            .thenComparingLong(p -> (long) p.getWidth() * p.getHeight()))
                    .orElseThrow();
            Instant sent = Instant.ofEpochSecond(message.getDate() == null ? 0 : message.getDate());
            return List.of(new IncomingFile(PHOTO_NAME.format(sent), "image/jpeg", size(largest.getFileSize()),
                    source(largest.getFileId(), largest.getFileSize())));
        }
        return List.of();
    }

    private static long size(Integer size) {
        return size == null ? IncomingFile.UNKNOWN_SIZE : size;
    }

    private static long size(Long size) {
        return size == null ? IncomingFile.UNKNOWN_SIZE : size;
    }

    /** getFile, then the download; every failure an IOException, as the intake expects. */
    private FileSource source(String fileId, Number declaredSize) {
        return () -> {
            if (declaredSize != null && declaredSize.longValue() > DOWNLOAD_LIMIT) {
                throw new IOException("Telegram lets a bot download files of up to 20 MB; this one has "
                        + declaredSize + " bytes");
            }
            try {
                File file = http.client().execute(new GetFile(fileId));
                return open(file);
            } catch (TelegramApiException e) {
                throw new IOException("Telegram did not give the file: " + TelegramHttp.reason(e), e);
            }
        };
    }

    private InputStream open(File file) throws IOException {
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new IOException("getFile gave no file_path");
        }
        return http.download(file.getFilePath());
    }
}
