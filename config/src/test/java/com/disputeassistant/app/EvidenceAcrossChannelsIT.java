package com.disputeassistant.app;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.slack.FakeSlackApi;
import com.disputeassistant.slack.SignedHttp;
import com.disputeassistant.slack.SlackUser;
import com.disputeassistant.telegram.Await;
import com.disputeassistant.telegram.TelegramUser;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.testing.RedisTestSupport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence across channels (issue 17) in the real application with both adapters on, against the fake
 * Bot API and the fake Slack Web API, Redis real and the files in a real folder: the client (Alice) is on
 * Telegram, the expert (Bob) on Slack, the mediator (Maria) on Telegram; in one dispute both parties use the
 * playground. What a file becomes on the way:
 * fetched from the platform once (getFile and the file URL; url_private with the bot token), kept, and
 * delivered as the platform's own file (a Telegram document, a Slack upload) after the text that names it;
 * refused with the core's reason; fetched again when the platform fails, and never kept half.
 */
class EvidenceAcrossChannelsIT {
    private static final String SIGNING_SECRET = "evidence-signing-secret";
    private static final long ALICE = 100001;
    private static final long MARIA = 100077;
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n% chapters 4 and 5, untouched\n%%EOF\n"
            .getBytes(US_ASCII);
    private static final byte[] TRACKED = "%PDF-1.7\n% chapters 4 and 5 with tracked changes\n%%EOF\n".getBytes(US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F',
            0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
    private static final byte[] PROGRAM = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    /** Over the default limit of 20 MB, as the platform declares it: nothing that big is made. */
    private static final long TOO_LARGE = 21L * 1024 * 1024;

    private static FakeBotApi telegram;
    private static FakeSlackApi slack;
    private static Path folder;
    private static ConfigurableApplicationContext app;

    private TelegramUser alice;
    private TelegramUser maria;
    private SlackUser bob;
    private SlackUser carol;
    private SlackUser dave;

    @BeforeAll
    static void start() throws URISyntaxException, IOException {
        telegram = new FakeBotApi();
        slack = new FakeSlackApi();
        folder = Files.createTempDirectory("evidence-it");
        Path marketplace = Path.of(EvidenceAcrossChannelsIT.class.getResource("/evidence-marketplace.yml").toURI());
        Map<String, String> settings = new HashMap<>(Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("dispute.redis.url", RedisTestSupport.redisUrl()),
                Map.entry("dispute.redis.key-prefix", PREFIX),
                Map.entry("dispute.marketplace.file", marketplace.toString()),
                Map.entry("dispute.procedure.mediators", "telegram:" + MARIA),
                Map.entry("dispute.evidence.folder", folder.toString()),
                Map.entry("dispute.playground.enabled", "true")));
        settings.putAll(telegram.appSettings());
        settings.putAll(slack.appSettings(SIGNING_SECRET));
        app = RunningApp.start(settings, CrossChannelMediationIT.FastTelegram.class);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            RunningApp.stop(app, PREFIX, telegram, slack);
        } finally {
            try (Stream<Path> all = Files.walk(folder)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void people() {
        alice = user(ALICE);
        maria = user(MARIA);
        SignedHttp http = new SignedHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                SIGNING_SECRET);
        bob = new SlackUser("UBOB", http, slack);
        carol = new SlackUser("UCAROL", http, slack);
        dave = new SlackUser("UDAVE", http, slack);
    }

    @Test
    void aPdfAndAPhotoFromTelegramAtIntakeReachTheSlackExpertAndHisFileReachesTheTelegramMediator() {
        alice.says("/dispute").presses("Dispute ORD-1");
        alice.presses("Delivered, not acceptable");

        // The photo alone first: kept at the description, which the step still needs.
        alice.sendsPhoto(JPEG, null);
        alice.received("Added photo-2026-09-21-141320.jpg to the evidence");
        // Then the PDF, its caption the description.
        alice.sendsDocument("chapter-4.pdf", "application/pdf", PDF, "Chapters 4 and 5 were not edited at all");
        alice.received("Added chapter-4.pdf to the evidence").received("I've told");

        FakeSlackApi.Upload photo = bob.receivedFile("photo-2026-09-21-141320.jpg");
        FakeSlackApi.Upload pdf = bob.receivedFile("chapter-4.pdf");
        assertThat(photo.bytes()).isEqualTo(JPEG);
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(pdf.bytes()).isEqualTo(PDF);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.threadTs()).as("in his DM, not a thread").isNull();
        assertThat(slack.calls("chat.postMessage")).as("the text naming the file came first")
                .anyMatch(c -> "UBOB".equals(c.param("channel")) && c.param("text").contains("chapter-4.pdf"));

        // Alice asks for a human; Maria, on Telegram, claims it.
        alice.presses("Talk to a human");
        // This dispute's call, not another test's: Maria is the mediator of every test here.
        maria.received("about order ORD-1");
        maria.presses("Claim");
        maria.received("You claimed dispute");

        // Bob shares his tracked-changes file on Slack: the mediator receives the document itself.
        bob.shares("Here are my tracked changes", slack.shareFile("tracked-changes.pdf", "application/pdf", TRACKED));
        bob.received("Added tracked-changes.pdf to the evidence");
        FakeBotApi.Upload toMaria = maria.receivedFile("tracked-changes.pdf");
        assertThat(toMaria.method()).isEqualTo("senddocument");
        assertThat(toMaria.bytes()).isEqualTo(TRACKED);
        maria.received("Bob added tracked-changes.pdf to the evidence");
    }

    @Test
    void aFileSentInThePlaygroundReachesTheTelegramMediatorAsADocument() {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        PlaygroundParty wendy = new PlaygroundParty(port, "web:wendy");
        wendy.says("menu").presses("Dispute ORD-4").presses("Delivered, not acceptable");
        wendy.says("The index leaves out every ingredient").presses("Talk to a human");
        maria.received("about order ORD-4");
        maria.presses("Claim");
        maria.received("You claimed dispute");

        wendy.attaches("index-page-3.pdf", "application/pdf", PDF, "Page 3: no ingredients at all");
        Await.until("Wendy is told the file was added; got " + wendy.texts(),
                () -> wendy.texts().stream().anyMatch(text -> text.contains("Added index-page-3.pdf to the evidence")));

        FakeBotApi.Upload toMaria = maria.receivedFile("index-page-3.pdf");
        assertThat(toMaria.method()).isEqualTo("senddocument");
        assertThat(toMaria.bytes()).isEqualTo(PDF);
        maria.received("Wendy added index-page-3.pdf to the evidence");
    }

    @Test
    void aFileOverTheLimitOrOfAForbiddenTypeIsRefusedWithTheReasonOnBothChannelsAndNothingIsFetchedOrKept()
            throws IOException {
        TelegramUser anna = user(100002);
        open(anna, "ORD-2", carol);
        int tooLarge = telegram.sendDocument(anna.id(), "scan.pdf", "application/pdf", PDF, TOO_LARGE, null);
        anna.awaitHandled(tooLarge);
        anna.received("I did not keep scan.pdf: it is larger than 20 MB");
        assertThat(telegram.requests("getFile")).noneMatch(r -> telegram.fileIdIn(tooLarge).equals(r.text("file_id")));

        anna.sendsDocument("invoice.pdf", "application/pdf", PROGRAM, null);
        anna.received("I did not keep invoice.pdf: files of this type can't be added");

        ObjectNode huge = slack.shareFile("manuscript.docx", "application/msword", PDF, TOO_LARGE);
        carol.shares("", huge);
        carol.received("I did not keep manuscript.docx: it is larger than 20 MB");
        assertThat(slack.downloads(huge.path("id").asString())).isZero();

        carol.shares("", slack.shareFile("setup.exe", "application/octet-stream", PROGRAM));
        carol.received("I did not keep setup.exe: files of this type can't be added");

        assertThat(keptFiles()).as("nothing of them kept").noneMatch(p -> Files.isRegularFile(p)
                && sizeOf(p) == PROGRAM.length);
    }

    @Test
    void aDownloadThatFailsTwiceIsFetchedAgainAndKeptOneThatKeepsFailingIsReportedAndNothingIsKept() {
        TelegramUser axel = user(100003);
        open(axel, "ORD-3", dave);
        int flaky = telegram.sendDocument(axel.id(), "draft.pdf", "application/pdf", PDF, null);
        telegram.failDownloads(telegram.fileIdIn(flaky), 2);
        axel.awaitHandled(flaky);
        axel.received("Added draft.pdf to the evidence");
        assertThat(telegram.downloads(telegram.fileIdIn(flaky))).isEqualTo(3);

        int broken = telegram.sendDocument(axel.id(), "lost.pdf", "application/pdf", PDF, null);
        telegram.failDownloads(telegram.fileIdIn(broken), 100);
        axel.awaitHandled(broken);
        axel.received("I could not fetch lost.pdf from the chat, even after several tries, so nothing was kept.");

        ObjectNode slackFlaky = slack.shareFile("notes.pdf", "application/pdf", PDF);
        slack.failDownloads(slackFlaky.path("id").asString(), 2);
        dave.shares("", slackFlaky);
        dave.received("Added notes.pdf to the evidence");
        assertThat(slack.downloads(slackFlaky.path("id").asString())).isEqualTo(3);

        ObjectNode slackBroken = slack.shareFile("gone.pdf", "application/pdf", PDF);
        slack.failDownloads(slackBroken.path("id").asString(), 100);
        dave.shares("", slackBroken);
        dave.received("I could not fetch gone.pdf from the chat, even after several tries, so nothing was kept.");
        assertThat(slack.downloads(slackBroken.path("id").asString())).isEqualTo(3);
    }

    /** The client opens a dispute about the order and describes it; its expert is told. */
    private static void open(TelegramUser client, String order, SlackUser expert) {
        expert.act();
        client.says("/dispute").presses("Dispute " + order);
        client.presses("Delivered, not acceptable");
        client.says("It stops after page 3").received("I've told");
        expert.received("try to solve this together");
    }

    /** A Telegram user of the test, who knows when the bot has handled what they sent. */
    private static TelegramUser user(long id) {
        var redis = app.getBean(redis.clients.jedis.UnifiedJedis.class);
        return new TelegramUser(telegram, id, () -> {
            String stored = redis.get(PREFIX + "telegram:offset");
            return stored == null ? 0 : Long.parseLong(stored);
        });
    }

    private static Stream<Path> keptFiles() throws IOException {
        return Files.walk(folder).toList().stream();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
