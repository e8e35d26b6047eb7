package com.disputeassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.evidence.CheckedEvidenceFiles;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.EvidenceItem;
import com.disputeassistant.evidence.EvidenceLimits;
import com.disputeassistant.evidence.EvidenceRef;
import com.disputeassistant.evidence.EvidenceTamperedException;
import com.disputeassistant.evidence.FolderEvidenceStore;
import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.evidence.RedisEvidenceRecords;
import com.disputeassistant.marketplace.PersonId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence in the conversation (issue 17): files kept at the steps where they help, shared where the
 * procedure shares them, refused with the reason, never kept twice or half, and checked on the way out.
 * A real engine over a real Redis, the files in a real folder.
 */
class EvidenceIT {
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @TempDir
    Path folder;

    private final ConversationFixture fixture = new ConversationFixture();
    private FolderEvidenceStore files;
    private EvidenceIntake evidence;
    private Chat chat;
    private Chat.Person alice;
    private Chat.Person bob;
    private Chat.Person maria;
    private Chat.Person carol;

    @BeforeEach
    void engineThatKeepsEvidence() throws IOException {
        start(new EvidenceLimits(1024, 4096, EvidenceLimits.defaults().allowedTypes(), 3));
    }

    private void start(EvidenceLimits limits) throws IOException {
        files = new FolderEvidenceStore(folder.resolve("evidence"));
        evidence = new EvidenceIntake(files, new RedisEvidenceRecords(fixture.redis, fixture.prefix), limits,
                fixture.clock, Duration.ofMillis(1));
        chat = new Chat(fixture.newEngine(evidence));
        alice = chat.as("web:alice");
        bob = chat.as("web:bob");
        maria = chat.as("web:maria");
        carol = chat.as("web:carol");
    }

    @AfterEach
    void nothingAnyoneReadShowsACodeOrAnId() {
        chat.assertNothingLeaks();
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private static IncomingFile file(String name, String type, byte[] bytes) {
        return new IncomingFile(name, type, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private Dispute dispute() {
        DisputeId id = fixture.store.openDisputesOf(new PersonId("alice")).get(0);
        return fixture.store.load(id).orElseThrow().dispute();
    }

    private List<EvidenceItem> items() {
        return evidence.items(dispute().id());
    }

    /** What is in the evidence folder besides the staging folder: kept items only. */
    private List<Path> kept() throws IOException {
        try (Stream<Path> all = Files.list(folder.resolve("evidence"))) {
            return all.filter(p -> !p.getFileName().toString().equals(".staging")).toList();
        }
    }

    private List<Path> staged() throws IOException {
        try (Stream<Path> all = Files.list(folder.resolve("evidence/.staging"))) {
            return all.toList();
        }
    }

    @Test
    void aFileWithACaptionAtIntakeIsTheDescriptionPlusEvidenceAndTheOtherPartyReceivesIt() throws IOException {
        Journeys.reach(Step.INTAKE, alice, bob, maria);
        alice.sends("Chapters 4 and 5 were not edited at all", "web:m1", file("chapter-4.pdf", "application/pdf", PDF));

        assertThat(alice.inbox().get(alice.inbox().size() - 1).text())
                .contains("Added chapter-4.pdf to the evidence (" + PDF.length + " B).");
        assertThat(dispute().step()).as("the caption described the problem").isEqualTo(Step.TALKING);
        OutboundMessage toBob = bob.inbox().stream().filter(m -> !m.attachments().isEmpty()).findFirst().orElseThrow();
        assertThat(toBob.text()).contains("Alice added chapter-4.pdf to the evidence");
        EvidenceRef ref = toBob.attachments().get(0);
        assertThat(ref.name()).isEqualTo("chapter-4.pdf");
        assertThat(ref.mediaType()).isEqualTo("application/pdf");
        assertThat(new CheckedEvidenceFiles(files).readAll(ref)).isEqualTo(PDF);

        EvidenceItem item = items().get(0);
        assertThat(item.step()).isEqualTo(Step.INTAKE);
        assertThat(item.sender()).isEqualTo("web:alice");
        assertThat(item.afterDecision()).isFalse();
        assertThat(fixture.store.timeline(dispute().id())).anyMatch(e -> e.why().contains("evidence " + item.id())
                && e.why().contains(item.sha256()));
        assertThat(kept()).extracting(p -> p.getFileName().toString()).containsExactly(item.id());
    }

    @Test
    void aFileAloneAtAStepThatWantsTextIsKeptAndThePartyIsToldWhatTheStepStillNeeds() {
        Journeys.reach(Step.TASKS, alice, bob, maria);
        alice.sends("", "web:m2", file("screenshot.png", "image/png", PNG));

        assertThat(dispute().step()).isEqualTo(Step.TASKS);
        assertThat(dispute().tasks()).isEmpty();
        alice.received("Added screenshot.png to the evidence").received("task");
        assertThat(bob.lastMessage().attachments()).extracting(EvidenceRef::name).containsExactly("screenshot.png");
    }

    @Test
    void whileTalkingTheOtherPartyDoesNotReceiveTheFile() {
        Journeys.reach(Step.TALKING, alice, bob, maria);
        int bobHad = bob.messageCount();
        alice.sends("", "web:m3", file("notes.txt", "text/plain", "my notes\n".getBytes(StandardCharsets.UTF_8)));

        alice.received("Added notes.txt to the evidence");
        assertThat(bob.inbox().subList(bobHad, bob.messageCount())).allMatch(m -> m.attachments().isEmpty());
        assertThat(items()).extracting(EvidenceItem::name).containsExactly("notes.txt");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheReasonBeforeAndWhileFetchingAndNothingIsKept() throws IOException {
        Journeys.reach(Step.TASKS, alice, bob, maria);
        AtomicInteger fetched = new AtomicInteger();
        alice.sends("", "web:m4", new IncomingFile("big.pdf", "application/pdf", 5000, () -> {
            fetched.incrementAndGet();
            return new ByteArrayInputStream(new byte[5000]);
        }));
        alice.received("I did not keep big.pdf: it is larger than 1 KB, the most one file may be.");
        assertThat(fetched).as("a declared size over the limit is not fetched").hasValue(0);

        byte[] large = new byte[2000];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        alice.sends("", "web:m5", new IncomingFile("undeclared.pdf", null, () -> new ByteArrayInputStream(large)));
        alice.received("I did not keep undeclared.pdf: it is larger than 1 KB");
        assertThat(items()).isEmpty();
        assertThat(kept()).isEmpty();
        assertThat(staged()).isEmpty();
    }

    @Test
    void aTypeNotAllowedIsRefusedWhateverTheDeclaredTypeSays() throws IOException {
        Journeys.reach(Step.TASKS, alice, bob, maria);
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        alice.sends("", "web:m6", file("invoice.pdf", "application/pdf", program));

        alice.received("I did not keep invoice.pdf: files of this type can't be added. You can send: .pdf, .docx");
        assertThat(items()).isEmpty();
        assertThat(kept()).isEmpty();
    }

    @Test
    void theDisputesTotalIsALimitToo() throws IOException {
        start(new EvidenceLimits(1024, 1100, EvidenceLimits.defaults().allowedTypes(), 3));
        Journeys.reach(Step.TASKS, alice, bob, maria);
        byte[] almostAll = new byte[1000];
        System.arraycopy(PDF, 0, almostAll, 0, PDF.length);
        alice.sends("", "web:m7", file("first.pdf", "application/pdf", almostAll));
        alice.received("Added first.pdf");
        alice.sends("", "web:m8", file("second.pdf", "application/pdf", almostAll));

        alice.received("I did not keep second.pdf: the files of this dispute would take up more than 1 KB, the most one dispute may hold.");
        assertThat(items()).extracting(EvidenceItem::name).containsExactly("first.pdf");
        assertThat(kept()).hasSize(1);
    }

    @Test
    void aDownloadThatFailsIsRetriedThenReportedAndNothingIsHalfKept() throws IOException {
        Journeys.reach(Step.TASKS, alice, bob, maria);
        AtomicInteger attempts = new AtomicInteger();
        alice.sends("", "web:m9", new IncomingFile("flaky.pdf", "application/pdf", PDF.length, () -> {
            attempts.incrementAndGet();
            // Half the bytes, then the connection breaks: a staged part that must not survive.
            return new java.io.SequenceInputStream(new ByteArrayInputStream(PDF, 0, 10), new java.io.InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("connection reset");
                }
            });
        }));

        assertThat(attempts).as("fetched again before giving up").hasValue(3);
        alice.received("I could not fetch flaky.pdf from the chat, even after several tries, so nothing was kept.");
        assertThat(items()).isEmpty();
        assertThat(kept()).isEmpty();
        assertThat(staged()).isEmpty();

        AtomicInteger second = new AtomicInteger();
        alice.sends("", "web:m10", new IncomingFile("second-try.pdf", "application/pdf", PDF.length, () -> {
            if (second.incrementAndGet() == 1) {
                throw new IOException("timeout");
            }
            return new ByteArrayInputStream(PDF);
        }));
        alice.received("Added second-try.pdf to the evidence");
        assertThat(second).hasValue(2);
    }

    @Test
    void aRetriedDeliveryAddsNothingTwice() {
        Journeys.reach(Step.TASKS, alice, bob, maria);
        AtomicInteger fetched = new AtomicInteger();
        IncomingFile once = new IncomingFile("once.pdf", "application/pdf", PDF.length, () -> {
            fetched.incrementAndGet();
            return new ByteArrayInputStream(PDF);
        });
        alice.sends("", "web:m11", once);
        int timeline = fixture.store.timeline(dispute().id()).size();
        alice.sends("", "web:m11", once);
        // The engine's own redelivery check aside, the intake itself keeps it once for the same delivery id:
        evidence.take(dispute(), new EvidenceIntake.Sender("web:alice", com.disputeassistant.dispute.Role.CLIENT),
                List.of(once), "", "web:m11");

        assertThat(items()).hasSize(1);
        assertThat(fetched).hasValue(1);
        assertThat(fixture.store.timeline(dispute().id())).hasSize(timeline);
    }

    @Test
    void changedBytesAreReportedAndNeverServed() throws IOException {
        Journeys.reach(Step.TASKS, alice, bob, maria);
        alice.sends("", "web:m12", file("proof.pdf", "application/pdf", PDF));
        EvidenceItem item = items().get(0);
        Path stored = folder.resolve("evidence").resolve(item.id());
        byte[] changed = PDF.clone();
        changed[changed.length - 2] = 'X';
        Files.write(stored, changed);

        assertThatThrownBy(() -> new CheckedEvidenceFiles(files).readAll(item.ref()))
                .isInstanceOf(EvidenceTamperedException.class)
                .hasMessageContaining(item.id()).hasMessageContaining("does not match its SHA-256");
    }

    @Test
    void theHandOverToAReplacementExpertHoldsTheTaskFilesButNoContactData() {
        Journeys.reach(Step.TASKS, alice, bob, maria);
        alice.sends("", "web:m13", file("chapter-5-marked.pdf", "application/pdf", PDF));
        alice.says("Line-edit chapters 4 and 5");
        alice.presses("The list is complete");
        bob.presses("Accept the list");
        alice.presses("Another expert");
        maria.presses("Claim");
        maria.presses("Assign Carol");

        OutboundMessage handOver = carol.lastMessage();
        assertThat(handOver.attachments()).extracting(EvidenceRef::name).containsExactly("chapter-5-marked.pdf");
        assertThat(handOver.text()).contains("chapter-5-marked.pdf").doesNotContain("alice").doesNotContain("@");
    }

    @Test
    void evidenceAfterTheDecisionIsKeptButMarked() {
        Journeys.reach(Step.TALKING, alice, bob, maria);
        alice.says("withdraw");
        assertThat(fixture.store.load(dispute0()).orElseThrow().dispute().isClosed()).isTrue();
        alice.sends("", "web:m14", file("late.pdf", "application/pdf", PDF));

        alice.received("marked as sent after the decision");
        assertThat(evidence.items(dispute0())).singleElement().satisfies(item -> assertThat(item.afterDecision()).isTrue());
    }

    private DisputeId dispute0() {
        return fixture.store.focusOf(alice.address().identity()).orElseThrow();
    }

    @Test
    void aLinkInTheTextIsKeptAsEvidenceToo() {
        Journeys.reach(Step.TASKS, alice, bob, maria);
        alice.says("Missing edits: https://docs.example.org/ms/ch4.");

        alice.received("Kept the link https://docs.example.org/ms/ch4 as evidence.");
        assertThat(items()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(EvidenceItem.Kind.LINK);
            assertThat(item.name()).isEqualTo("https://docs.example.org/ms/ch4");
        });
        assertThat(dispute().tasks()).as("the words count as a task too").hasSize(1);
    }

    @Test
    void aMediatorSeesEverythingAndTheMediatorsFilesGoToBothParties() {
        Journeys.reach(Step.TALKING, alice, bob, maria);
        alice.sends("", "web:m17", file("before.pdf", "application/pdf", PDF));
        alice.says("human");
        maria.presses("Claim");
        assertThat(maria.lastMessage().attachments()).as("what was kept before she took over")
                .extracting(EvidenceRef::name).containsExactly("before.pdf");
        alice.sends("", "web:m15", file("contract.pdf", "application/pdf", PDF));
        assertThat(maria.lastMessage().attachments()).extracting(EvidenceRef::name).containsExactly("contract.pdf");

        maria.sends("Please both read this", "web:m16", file("ruling-draft.txt", "text/plain",
                "Draft\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(alice.lastMessage().attachments()).extracting(EvidenceRef::name).containsExactly("ruling-draft.txt");
        assertThat(bob.lastMessage().attachments()).extracting(EvidenceRef::name).containsExactly("ruling-draft.txt");
    }
}
