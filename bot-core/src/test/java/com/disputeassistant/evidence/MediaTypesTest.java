package com.disputeassistant.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The type of a file comes from its bytes; its name is shown, never used as a path. */
class MediaTypesTest {
    @TempDir
    Path dir;

    private Optional<String> sniff(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "f", ".bin");
        Files.write(file, bytes);
        return MediaTypes.sniff(file);
    }

    private Optional<String> sniffZip(String... entries) throws IOException {
        Path file = Files.createTempFile(dir, "z", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return MediaTypes.sniff(file);
    }

    @Test
    void documentsAndImagesAreRecognisedByTheirBytes() throws IOException {
        assertThat(sniff("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).hasValue(MediaTypes.PDF);
        assertThat(sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).hasValue(MediaTypes.PNG);
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).hasValue(MediaTypes.JPEG);
        assertThat(sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).hasValue(MediaTypes.GIF);
        assertThat(sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).hasValue(MediaTypes.WEBP);
        assertThat(sniff("{\\rtf1\\ansi hello}".getBytes(StandardCharsets.US_ASCII))).hasValue(MediaTypes.RTF);
        assertThat(sniff("Grüße, chapter 4\r\n\tindented".getBytes(StandardCharsets.UTF_8))).hasValue(MediaTypes.TEXT);
        assertThat(sniffZip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"))
                .hasValue(MediaTypes.DOCX);
        assertThat(sniffZip("mimetype", MediaTypes.ODT, "content.xml", "<office/>")).hasValue(MediaTypes.ODT);
    }

    @Test
    void anythingElseIsOfNoKnownTypeWhateverItsNameSays() throws IOException {
        assertThat(sniff(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
        assertThat(sniff(new byte[] {'h', 'i', 0, 'x'})).as("binary with NUL").isEmpty();
        assertThat(sniff(new byte[] {(byte) 0xC3, (byte) 0x28})).as("not UTF-8").isEmpty();
        assertThat(sniff(new byte[0])).isEmpty();
        assertThat(sniffZip("payload.exe", "MZ")).as("a plain archive").isEmpty();
        assertThat(sniffZip("mimetype", "application/vnd.oasis.opendocument.spreadsheet")).isEmpty();
    }

    @Test
    void aNameIsCleanedForShowingAndNeverKeepsAPath() {
        assertThat(IncomingFile.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(IncomingFile.cleanName("C:\\Users\\me\\thesis.docx")).isEqualTo("thesis.docx");
        assertThat(IncomingFile.cleanName("evil\u202Efdp.exe")).isEqualTo("evilfdp.exe");
        assertThat(IncomingFile.cleanName("..")).isEqualTo("file");
        assertThat(IncomingFile.cleanName(null)).isEqualTo("file");
        assertThat(IncomingFile.cleanName("a".repeat(300) + ".pdf")).hasSize(IncomingFile.MAX_NAME).endsWith(".pdf");
    }

    @Test
    void linksAreFoundWithoutTheirClosingPunctuation() {
        assertThat(EvidenceIntake.links("See https://example.org/a?b=1, and (http://x.example/y). Also https://example.org/a?b=1"))
                .containsExactly("https://example.org/a?b=1", "http://x.example/y");
        assertThat(EvidenceIntake.links("no links here, just ftp://old.example")).isEmpty();
    }

    @Test
    void aReferenceSurvivesItsJsonAndRefusesAnIdThatCouldBeAPath() {
        EvidenceRef ref = new EvidenceRef("ev-1", "a.pdf", MediaTypes.PDF, 3, "a".repeat(64));
        assertThat(EvidenceRef.fromJson(ref.toJson())).isEqualTo(ref);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EvidenceRef("../x", "a.pdf", MediaTypes.PDF, 3,
                "a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }
}
