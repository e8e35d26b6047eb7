package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.EvidenceItem;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence over real HTTP against the whole application (issue 17): a file uploaded in the playground
 * reaches the other party as a download link, is served only as an attachment and only to who may see
 * it, a retried upload is kept once, the upload alone may exceed the general body cap (up to an evidence
 * file's limit), and the console lists and downloads the evidence, refusing changed bytes.
 */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class EvidenceWebIT {
    static final String PREFIX = RedisTestSupport.uniquePrefix();
    /** A small file whose bytes are a PDF's, all printable: the same bytes come back in a String. */
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        evidenceSettings(registry, PREFIX, folder);
        registry.add("dispute.evidence.max-file-size", () -> "2MB");
    }

    /** The console's accounts and the playground ({@link ConsoleWorkflowIT#accounts}), the files in {@code folder}. */
    static void evidenceSettings(DynamicPropertyRegistry registry, String prefix, Path folder) {
        ConsoleWorkflowIT.accounts(registry, prefix);
        registry.add("dispute.evidence.folder", () -> folder.resolve("evidence").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    DisputeStore store;
    @Autowired
    EvidenceIntake evidence;
    @Autowired
    UnifiedJedis redis;

    private final HttpClient http = HttpClient.newHttpClient();
    private PlaygroundParty alice;
    private PlaygroundParty bob;

    @BeforeEach
    void aliceOpensADispute() {
        alice = new PlaygroundParty(port, "web:alice");
        bob = new PlaygroundParty(port, "web:bob");
        alice.says("menu").presses("Dispute ORD-1001").presses("Delivered, not acceptable");
    }

    @AfterEach
    void deleteWhatTheTestWrote() {
        RedisTestSupport.deleteKeys(redis, PREFIX);
    }

    private DisputeId dispute() {
        return store.openDisputesOf(new PersonId("alice")).get(0);
    }

    private HttpResponse<String> upload(String as, String messageId, String name, String type, byte[] bytes,
                                        String caption) {
        return send(PlaygroundParty.upload("http://127.0.0.1:" + port, as, messageId, name, type, bytes, caption));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    /** The body as ISO-8859-1: one char per byte, so a file's bytes come back exactly. */
    private HttpResponse<String> send(HttpRequest request) {
        return PlaygroundParty.call(http, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The download links of the newest messages to {@code as}, as the playground shows them. */
    private List<String> links(String as) {
        JsonNode page = JsonMapper.shared().readTree(get("/api/inbox?as=" + enc(as)).body());
        return page.path("messages").valueStream().flatMap(m -> m.path("attachments").valueStream())
                .map(a -> "/api/evidence/" + a.path("dispute").asString() + "/" + a.path("id").asString()).toList();
    }

    /** Replaces the kept bytes of item {@code id} where the store keeps them, as someone with access to it could. */
    void changeBehindTheAppsBack(String id, byte[] bytes) throws IOException {
        Files.write(folder.resolve("evidence").resolve(id), bytes);
    }

    @Test
    void anUploadWithACaptionReachesTheOtherPartyWhoDownloadsItAsAnAttachmentOnly() {
        HttpResponse<String> uploaded = upload("web:alice", "m-1", "Kapitel 4 – Änderungen.pdf", "application/pdf", PDF,
                "Chapters 4 and 5 were not edited at all");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(alice.texts()).anyMatch(t -> t.contains("Added Kapitel 4 – Änderungen.pdf to the evidence"));

        List<String> links = links("web:bob");
        assertThat(links).hasSize(1);
        HttpResponse<String> download = get(links.get(0) + "?as=web:bob");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename*=UTF-8''Kapitel%204%20%E2%80%93%20%C3%84nderungen.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(get(links.get(0) + "?as=web:chen").statusCode()).as("someone else's dispute").isEqualTo(404);
        assertThat(get(links.get(0)).statusCode()).as("nobody named").isEqualTo(400);
    }

    @Test
    void aRetriedUploadIsKeptOnceAndOnlyTheUploadMayBeLargerThanTheGeneralCap() {
        byte[] large = new byte[1_500_000];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertThat(upload("web:alice", "m-2", "big.pdf", "application/pdf", large, null).statusCode()).isEqualTo(200);
        assertThat(upload("web:alice", "m-2", "big.pdf", "application/pdf", large, null).statusCode()).isEqualTo(200);
        assertThat(evidence.items(dispute())).extracting(EvidenceItem::name).containsExactly("big.pdf");

        assertThat(upload("web:alice", "m-3", "huge.pdf", "application/pdf", new byte[2_200_000], null).statusCode())
                .as("over dispute.evidence.max-file-size").isEqualTo(413);
        HttpResponse<String> multipart = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/evidence?as=web:alice&messageId=m-4"))
                .header("Content-Type", "multipart/form-data; boundary=x").header("X-File-Name", "a.pdf")
                .POST(HttpRequest.BodyPublishers.ofString("--x--")).build());
        assertThat(multipart.statusCode()).isEqualTo(415);
        assertThat(multipart.body()).as("what the upload takes instead").contains("X-File-Name");
        HttpResponse<String> message = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)).build());
        assertThat(message.statusCode()).as("every other endpoint keeps the general cap").isEqualTo(413);
    }

    @Test
    void theConsoleListsAndDownloadsTheEvidenceAndRefusesChangedBytes() throws IOException {
        upload("web:alice", "m-5", "chapter-4.pdf", "application/pdf", PDF, "Chapters 4 and 5 were not edited at all");
        alice.presses("Escalate");
        alice.says("human");
        EvidenceItem item = evidence.items(dispute()).get(0);
        String page = "/console/disputes/" + dispute().value();
        String download = page + "/evidence/" + item.id();

        assertThat(get(download).statusCode()).as("not signed in").isIn(302, 401);
        ConsoleClient maria = new ConsoleClient(port);
        maria.signIn("maria", ConsoleWorkflowIT.PASSWORD);
        assertThat(maria.get(page).body()).contains("chapter-4.pdf").contains(item.sha256().substring(0, 12))
                .contains("application/pdf").contains("Alice");
        HttpResponse<String> file = maria.get(download);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(maria.get(page + "/evidence/ev-0000").statusCode()).isEqualTo(404);

        changeBehindTheAppsBack(item.id(), "%PDF-1.7 changed".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> changed = maria.get(download);
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(changed.body()).contains("was changed after it was kept");
    }
}
