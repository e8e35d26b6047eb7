package com.disputeassistant.telegram.fakeapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body as the Bot API does for uploads: each part's field name, file
 * name and Content-Type, and its bytes. Enough for what TelegramBots sends; not a general parser.
 */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One part: a form field ({@code fileName} null) or a file. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    /** The parts of the body, or null when it is not multipart. */
    static List<Part> parts(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return null;
        }
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            parts.add(part(Arrays.copyOfRange(body, start, next - 2))); // the CRLF before the next delimiter
            at = next;
        }
        return parts;
    }

    /**
     * The file of the field, as the Bot API reads it: the field's own part if it is a file, or the part it
     * names as {@code attach://<name>} (which TelegramBots sends); null if there is none.
     */
    static Part file(List<Part> parts, String field) {
        Part named = parts.stream().filter(p -> field.equals(p.name())).findFirst().orElse(null);
        if (named == null || named.fileName() != null) {
            return named;
        }
        String value = named.text();
        if (!value.startsWith("attach://")) {
            return null;
        }
        String attached = value.substring("attach://".length());
        return parts.stream().filter(p -> attached.equals(p.name()) && p.fileName() != null).findFirst().orElse(null);
    }

    /** The text fields as a JSON object, the way the JSON calls are recorded. */
    static ObjectNode fields(List<Part> parts) {
        ObjectNode fields = JSON.createObjectNode();
        parts.stream().filter(p -> p.fileName() == null).forEach(p -> fields.put(p.name(), p.text()));
        return fields;
    }

    private static Part part(byte[] raw) {
        byte[] separator = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int end = indexOf(raw, separator, 0);
        String headers = new String(raw, 0, Math.max(end, 0), StandardCharsets.UTF_8);
        byte[] bytes = end < 0 ? new byte[0] : Arrays.copyOfRange(raw, end + separator.length, raw.length);
        String name = null;
        String fileName = null;
        String type = null;
        for (String header : headers.split("\r\n")) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                Matcher n = NAME.matcher(header);
                name = n.find() ? n.group(1) : null;
                Matcher f = FILE_NAME.matcher(header);
                fileName = f.find() ? f.group(1) : null;
            } else if (lower.startsWith("content-type:")) {
                type = header.substring("content-type:".length()).strip();
            }
        }
        return new Part(name, fileName, type, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
