package com.disputeassistant.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds a file's media type from its bytes, never from its name or the type the platform declares: a
 * script renamed to {@code .pdf} is not a PDF. Knows the types evidence may have ({@link #KNOWN}), by
 * their signatures; an office document by the entries of its ZIP container.
 */
final class MediaTypes {
    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String TEXT = "text/plain";
    static final String RTF = "application/rtf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String WEBP = "image/webp";
    static final String GIF = "image/gif";
    /** A link kept as evidence: no bytes, the address is its name. */
    static final String LINK = "text/uri-list";

    /** Every type recognised, with the file extension people know it by, in the order lists show them. */
    static final Map<String, String> KNOWN = known();

    private static final int HEAD = 64;
    /** Plain text is judged on its first part: enough to tell text from binary, cheap for a large file. */
    private static final int TEXT_SAMPLE = 64 * 1024;

    private MediaTypes() {
    }

    private static Map<String, String> known() {
        Map<String, String> known = new LinkedHashMap<>();
        known.put(PDF, ".pdf");
        known.put(DOCX, ".docx");
        known.put(ODT, ".odt");
        known.put(RTF, ".rtf");
        known.put(TEXT, ".txt");
        known.put(PNG, ".png");
        known.put(JPEG, ".jpg");
        known.put(WEBP, ".webp");
        known.put(GIF, ".gif");
        return java.util.Collections.unmodifiableMap(known);
    }

    /** The file's type as its bytes show it; empty for anything not in {@link #KNOWN}. */
    static Optional<String> sniff(Path file) throws IOException {
        byte[] head = new byte[HEAD];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, HEAD);
        }
        head = Arrays.copyOf(head, read);
        if (startsWith(head, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (startsWith(head, "RIFF") && head.length >= 12 && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, "{\\rtf")) {
            return Optional.of(RTF);
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return officeDocument(file);
        }
        return isText(file) ? Optional.of(TEXT) : Optional.empty();
    }

    /** A DOCX or an ODT by what its ZIP container holds; any other archive is none of ours. */
    private static Optional<String> officeDocument(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String declared = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                    return declared.equals(ODT) ? Optional.of(ODT) : Optional.empty();
                }
            }
            if (zip.getEntry("[Content_Types].xml") != null && zip.getEntry("word/document.xml") != null) {
                return Optional.of(DOCX);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a broken archive is no document
        }
    }

    /** UTF-8 without NUL or other control characters than tab, line breaks and form feed. */
    private static boolean isText(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(TEXT_SAMPLE);
        }
        if (sample.length == 0) {
            return false;
        }
        int end = sample.length;
        if (sample.length == TEXT_SAMPLE) {
            // Cut at a character boundary: the sample may end inside a multi-byte character.
            while (end > 0 && (sample[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (sample[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        for (int i = 0; i < end; i++) {
            int b = sample[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, String prefix) {
        return startsWith(head, prefix.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }
}
