package com.disputeassistant.web;

import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceItem;
import com.disputeassistant.evidence.EvidenceTamperedException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves a kept evidence file, the one way the playground and the console both do: the bytes are read
 * whole and checked first ({@link EvidenceFiles}), then sent only as a download ({@code Content-Disposition:
 * attachment} with the kept name), as the type found when it was kept, with {@code X-Content-Type-Options:
 * nosniff} and a sandboxing Content-Security-Policy, so a browser never renders it as a page of this app.
 * Who may download it is the caller's check, made before.
 */
public final class EvidenceDownloads {
    private EvidenceDownloads() {
    }

    /** The answer for an item: the file, or why not (a JSON error: changed bytes 409, missing 404, else 503). */
    public static ResponseEntity<?> serve(EvidenceFiles files, EvidenceItem item) {
        if (!item.isFile()) {
            return error(HttpStatus.NOT_FOUND, "This piece of evidence is a link, not a file: " + item.name());
        }
        byte[] bytes;
        try {
            bytes = files.readAll(item.ref());
        } catch (EvidenceTamperedException e) {
            return error(HttpStatus.CONFLICT, "The file " + item.name() + " was changed after it was kept: its SHA-256 "
                    + "no longer matches, so it is not served. The change is logged; tell the operators.");
        } catch (FileNotFoundException e) {
            return error(HttpStatus.NOT_FOUND, "The file " + item.name() + " is recorded but no longer stored.");
        } catch (IOException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiErrors.ApiError("The evidence store cannot be read just now; try again in a moment."));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(item.mediaType()))
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(item.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(bytes);
    }

    /** A refusal in the JSON error body every endpoint of this app answers with. */
    public static ResponseEntity<?> error(HttpStatus status, String why) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiErrors.ApiError(why));
    }
}
