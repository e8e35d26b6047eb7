package com.disputeassistant.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.SendFailure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.slack.sending.SlackMessage;
import com.disputeassistant.slack.sending.SlackSender;
import com.disputeassistant.slack.sending.SlackUpload;
import com.disputeassistant.testing.TestEvidence;
import com.disputeassistant.testing.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Files both ways against the fake Slack API: a shared file is fetched with the bot token only, and only
 * from Slack; an evidence file is uploaded Slack's current way to a DM or a dispute's thread, read from the
 * store checked, and never sent when its bytes changed.
 */
class SlackEvidenceTest {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    /** A conversation id as Slack makes them: files.completeUploadExternal takes no other. */
    private static final String ROOM = "CROOM00001";
    private static final DisputeId DISPUTE = new DisputeId("D1");
    private static final byte[] PDF = "%PDF-1.7 chapter 4, tracked changes".getBytes(UTF_8);

    private FakeSlackApi api;
    @TempDir
    Path folder;
    private TestEvidence kept;
    private SlackRoomSender sender;

    @BeforeEach
    void start() {
        api = new FakeSlackApi();
        kept = new TestEvidence(folder);
        ChatRoom room = ChatRoom.threaded(testRedis.client(), testRedis.prefix(), "slack", ROOM, ProcedureSettings.defaults());
        sender = new SlackRoomSender(new SlackSender(api.url(), FakeSlackApi.BOT_TOKEN, kept.files()), room);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    // ---- in: a shared file ----

    @Test
    void aSharedFileIsFetchedWithTheBotTokenUnderItsNameTypeAndSize() throws IOException {
        ObjectNode shared = api.shareFile("chapter4.pdf", "application/pdf", PDF);

        IncomingFile file = incoming(FakeSlackApi.BOT_TOKEN, shared);

        assertThat(file.name()).isEqualTo("chapter4.pdf");
        assertThat(file.declaredType()).isEqualTo("application/pdf");
        assertThat(file.declaredSize()).isEqualTo(PDF.length);
        try (InputStream in = file.source().open()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void aDownloadThatFailsFailsEachTimeUntilSlackServesIt() throws IOException {
        ObjectNode shared = api.shareFile("chapter4.pdf", "application/pdf", PDF);
        api.failDownloads(shared.path("id").asString(), 2);
        IncomingFile file = incoming(FakeSlackApi.BOT_TOKEN, shared);

        assertThat(catchThrowableOfType(IOException.class, () -> file.source().open())).hasMessageContaining("500");
        assertThat(catchThrowableOfType(IOException.class, () -> file.source().open())).hasMessageContaining("500");
        try (InputStream in = file.source().open()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        assertThat(api.downloads(shared.path("id").asString())).isEqualTo(3);
    }

    @Test
    void withoutAValidTokenSlacksSignInPageIsAFailureNotTheFile() {
        ObjectNode shared = api.shareFile("chapter4.pdf", "application/pdf", PDF);

        IOException failure = catchThrowableOfType(IOException.class,
                () -> incoming("xoxb-revoked", shared).source().open());

        assertThat(failure).hasMessageContaining("sign-in page").hasMessageContaining("files:read")
                .hasMessageNotContaining("xoxb");
        assertThat(api.downloads(shared.path("id").asString())).isZero();
    }

    @Test
    void theTokenIsNeverSentToAHostThatIsNotSlacks() {
        ObjectNode shared = api.shareFile("chapter4.pdf", "application/pdf", PDF)
                .put("url_private_download", "https://files.example.org/steal/chapter4.pdf");

        IOException failure = catchThrowableOfType(IOException.class,
                () -> incoming(FakeSlackApi.BOT_TOKEN, shared).source().open());

        assertThat(failure).hasMessageContaining("not on Slack");
    }

    private IncomingFile incoming(String token, ObjectNode shared) {
        com.slack.api.model.File file = com.slack.api.util.json.GsonFactory.createSnakeCase()
                .fromJson(shared.toString(), com.slack.api.model.File.class);
        List<IncomingFile> files = new SlackFiles(token, api.url()).incoming(SlackFiles.described(List.of(file)));
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    // ---- out: an evidence file ----

    @Test
    void anEvidenceFileForAPersonIsUploadedToTheirDmUnderItsNameAndType() throws SendFailure {
        EvidenceRef pdf = keep("ev-1", "manuscript.pdf", "application/pdf", PDF);

        sender.send(new OutboxEntry("UBOB", SlackUpload.body("UBOB", pdf)));

        assertThat(api.calls("conversations.open")).extracting(c -> c.param("users")).containsExactly("UBOB");
        FakeSlackApi.Upload upload = api.awaitUpload(FakeSlackApi.dmOf("UBOB"), "manuscript.pdf");
        assertThat(upload.bytes()).isEqualTo(PDF);
        assertThat(upload.length()).isEqualTo(PDF.length);
        assertThat(upload.contentType()).isEqualTo("application/pdf");
        assertThat(upload.title()).isEqualTo("manuscript.pdf");
        assertThat(upload.threadTs()).isNull();
    }

    @Test
    void anEvidenceFileForTheRoomIsUploadedIntoTheDisputesThreadAfterItsCard() throws SendFailure {
        EvidenceRef png = keep("ev-2", "screenshot.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10});

        sender.send(new OutboxEntry(ROOM, SlackRoomSender.inThreadOf(SlackMessage.render(ROOM, "needs a mediator",
                List.of()).get(0), DISPUTE)));
        sender.send(new OutboxEntry(ROOM, SlackRoomSender.inThreadOf(SlackUpload.body(ROOM, png), DISPUTE)));

        String card = api.tsOf(api.calls("chat.postMessage").get(0));
        FakeSlackApi.Upload upload = api.awaitUpload(ROOM, "screenshot.png");
        assertThat(upload.threadTs()).isEqualTo(card);
        assertThat(upload.bytes()).containsExactly(0x89, 'P', 'N', 'G', 13, 10);
        assertThat(api.calls("chat.postMessage")).as("the file makes no card of its own").hasSize(1);
    }

    @Test
    void aFileWhoseStoredBytesChangedIsNeverUploaded() {
        EvidenceRef pdf = keep("ev-3", "invoice.pdf", "application/pdf", PDF);
        kept.tamper("ev-3", "%PDF-1.7 forged".getBytes(UTF_8));

        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> sender.send(new OutboxEntry("UBOB", SlackUpload.body("UBOB", pdf))));

        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.PERMANENT);
        assertThat(failure).hasMessageContaining("changed");
        assertThat(api.calls("files.getUploadURLExternal")).isEmpty();
        assertThat(api.uploads()).isEmpty();
    }

    @Test
    void aSlackErrorDuringTheUploadIsWorthAnotherTryOfTheWholeUpload() throws SendFailure {
        EvidenceRef pdf = keep("ev-4", "contract.pdf", "application/pdf", PDF);
        api.answerNext("files.completeUploadExternal", new FakeSlackApi.Answer(503, null, "upstream"));

        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> sender.send(new OutboxEntry("UBOB", SlackUpload.body("UBOB", pdf))));
        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.TRANSIENT);
        sender.send(new OutboxEntry("UBOB", SlackUpload.body("UBOB", pdf)));

        assertThat(api.uploads()).as("shared once").hasSize(1);
        assertThat(api.calls("files.getUploadURLExternal")).as("a new upload URL for the retry").hasSize(2);
    }

    private EvidenceRef keep(String id, String name, String type, byte[] bytes) {
        return kept.keep(id, name, type, bytes);
    }
}
