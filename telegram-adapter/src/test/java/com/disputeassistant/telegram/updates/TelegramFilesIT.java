package com.disputeassistant.telegram.updates;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.telegram.TelegramHttp;
import com.disputeassistant.telegram.TelegramSettings;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What the bot makes of a document or a photo, against the fake Bot API: its name, type and size as
 * Telegram says them, and its bytes through getFile and the file URL of the configured server.
 */
class TelegramFilesIT {
    private static final long ALICE = 100001;
    private static final byte[] PDF = "%PDF-1.7 the manuscript, chapters 4 and 5".getBytes(UTF_8);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};

    private final FakeBotApi api = new FakeBotApi();
    private final TelegramHttp http = new TelegramHttp(new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, null,
            null, null, null, false, null, false), Duration.ofSeconds(5));
    private final TelegramFiles files = new TelegramFiles(http);

    @AfterEach
    void stop() {
        http.close();
        api.close();
    }

    @Test
    void aDocumentKeepsItsNameTypeAndSizeAndItsBytesComeFromTheConfiguredServer() throws IOException {
        int update = api.sendDocument(ALICE, "manuscript.pdf", "application/pdf", PDF, "chapters 4 and 5");

        IncomingFile file = only(message(update));

        assertThat(file.name()).isEqualTo("manuscript.pdf");
        assertThat(file.declaredType()).isEqualTo("application/pdf");
        assertThat(file.declaredSize()).isEqualTo(PDF.length);
        assertThat(read(file)).isEqualTo(PDF);
        assertThat(api.requests("getFile")).hasSize(1);
    }

    @Test
    void aPhotoIsItsLargestSizeNamedAfterWhenItWasSent() throws IOException {
        int update = api.sendPhoto(ALICE, JPEG, "the broken figure");

        IncomingFile file = only(message(update));

        // The fake's messages are dated 1,790,000,000: 2026-09-21 14:13:20 UTC.
        assertThat(file.name()).isEqualTo("photo-2026-09-21-141320.jpg");
        assertThat(file.declaredType()).isEqualTo("image/jpeg");
        assertThat(file.declaredSize()).isEqualTo(JPEG.length);
        assertThat(read(file)).as("the largest size, not the thumbnail").isEqualTo(JPEG);
    }

    @Test
    void aDownloadThatFailsFailsEachTimeUntilTelegramServesIt() throws IOException {
        int update = api.sendDocument(ALICE, "manuscript.pdf", "application/pdf", PDF, null);
        api.failDownloads(api.fileIdIn(update), 2);
        IncomingFile file = only(message(update));

        assertThat(catchThrowableOfType(IOException.class, () -> file.source().open())).hasMessageContaining("500")
                .hasMessageNotContaining(FakeBotApi.TOKEN);
        assertThat(catchThrowableOfType(IOException.class, () -> file.source().open())).hasMessageContaining("500");
        assertThat(read(file)).isEqualTo(PDF);
        assertThat(api.downloads(api.fileIdIn(update))).isEqualTo(3);
    }

    @Test
    void aFileOverTheBotApisTwentyMegabytesIsNotEvenAskedFor() {
        int update = api.sendDocument(ALICE, "scan.pdf", "application/pdf", PDF, 21L * 1024 * 1024, null);
        IncomingFile file = only(message(update));

        IOException refused = catchThrowableOfType(IOException.class, () -> file.source().open());

        assertThat(refused).hasMessageContaining("up to 20 MB");
        assertThat(api.requests("getFile")).isEmpty();
        assertThat(api.downloads(api.fileIdIn(update))).isZero();
    }

    @Test
    void aTextMessageHasNoFiles() {
        assertThat(files.of(message(api.send(ALICE, "just words")))).isEmpty();
    }

    private Message message(int updateId) {
        try {
            return new ObjectMapper().treeToValue(api.update(updateId), Update.class).getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private IncomingFile only(Message message) {
        List<IncomingFile> found = files.of(message);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static byte[] read(IncomingFile file) throws IOException {
        try (InputStream in = file.source().open()) {
            return in.readAllBytes();
        }
    }
}
