package com.disputeassistant.evidence;

import java.util.Objects;

/**
 * A file a person sent with a message, as the channel found it in the platform's payload: nothing of it
 * is trusted. The channel puts one per file into {@link com.disputeassistant.inbound.ChatEvent.Text#files()}
 * (a Telegram document or the largest size of a photo, each file of a Slack {@code file_share}, a
 * playground upload); the message's caption or text goes into the event's text as usual.
 *
 * <p>What the adapter must do: fill in what the platform says, leave it as it is, and give a {@link
 * FileSource} that fetches the bytes. The intake never uses {@code name} as a path (a file is stored under
 * a generated id), checks {@code declaredType} against the bytes themselves and counts the bytes it reads
 * rather than trust {@code declaredSize}.
 *
 * @param name         the file name the platform gives (a Telegram document's {@code file_name}, a Slack
 *                     file's {@code name}); for a file without one (a Telegram photo) a name the channel
 *                     makes up, such as {@code photo-<file_unique_id>.jpg}; never blank after construction
 * @param declaredType the media type the platform declares ({@code application/pdf}), or null if none
 * @param declaredSize the size in bytes the platform declares, or {@link #UNKNOWN_SIZE}: a declared size
 *                     above the limit is refused before anything is fetched
 * @param source       fetches the bytes
 */
public record IncomingFile(String name, String declaredType, long declaredSize, FileSource source) {
    /** For {@link #declaredSize}: the platform did not say. */
    public static final long UNKNOWN_SIZE = -1;
    /** The longest name kept; a longer one is cut (keeping its extension), since it is shown, not used. */
    static final int MAX_NAME = 200;

    public IncomingFile {
        Objects.requireNonNull(source, "source");
        name = cleanName(name);
        declaredType = declaredType == null || declaredType.isBlank() ? null : declaredType.strip();
        declaredSize = declaredSize < 0 ? UNKNOWN_SIZE : declaredSize;
    }

    /** A file whose size the platform does not declare. */
    public IncomingFile(String name, String declaredType, FileSource source) {
        this(name, declaredType, UNKNOWN_SIZE, source);
    }

    /**
     * The name as shown to people: without any path part, control characters or surrounding blanks, cut
     * to {@value #MAX_NAME} characters with its extension kept; {@code file} when nothing is left.
     */
    static String cleanName(String name) {
        String cleaned = name == null ? "" : name;
        int slash = Math.max(cleaned.lastIndexOf('/'), cleaned.lastIndexOf('\\'));
        cleaned = cleaned.substring(slash + 1).replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]", "")
                .strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "file";
        }
        if (cleaned.length() > MAX_NAME) {
            int dot = cleaned.lastIndexOf('.');
            String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return cleaned;
    }
}
