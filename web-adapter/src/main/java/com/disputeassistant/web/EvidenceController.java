package com.disputeassistant.web;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.evidence.EvidenceFiles;
import com.disputeassistant.evidence.EvidenceIntake;
import com.disputeassistant.evidence.EvidenceItem;
import com.disputeassistant.evidence.IncomingFile;
import com.disputeassistant.inbound.ChatAnswer;
import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.DisputeStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The playground's evidence: an upload is a file sent to the bot like on any other channel (through
 * {@link ChatInbound}, as a {@link ChatEvent.Text} with one {@link IncomingFile}); a download serves a kept
 * file to a person who may see it ({@link EvidenceItem#visibleTo}), only ever as an attachment
 * ({@link EvidenceDownloads}).
 *
 * <p>An upload is the file's raw bytes as the body (not multipart, which no endpoint takes), its type as
 * Content-Type, its name in {@code X-File-Name} and an optional caption in {@code X-Caption} (both
 * percent-encoded UTF-8, as {@code encodeURIComponent} makes them); the {@code messageId} makes a retried
 * upload count once. The body may be as large as {@code dispute.evidence.max-file-size} ({@link
 * WebAdapterConfiguration#EVIDENCE_UPLOAD}); every other endpoint keeps the smaller general cap.
 */
@RestController
@Playground.OnlyWhenOn
@RequestMapping(path = WebAdapterConfiguration.EVIDENCE_UPLOAD)
class EvidenceController {
    static final String FILE_NAME = "X-File-Name";
    static final String CAPTION = "X-Caption";

    private final ChatInbound inbound;
    private final EvidenceIntake evidence;
    private final EvidenceFiles files;
    private final DisputeStore store;
    private final Marketplace marketplace;
    private final ProcedureSettings settings;

    EvidenceController(ChatInbound inbound, EvidenceIntake evidence, EvidenceFiles files, DisputeStore store,
                       Marketplace marketplace, ProcedureSettings settings) {
        this.inbound = inbound;
        this.evidence = evidence;
        this.files = files;
        this.store = store;
        this.marketplace = marketplace;
        this.settings = settings;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ChatController.Delivered upload(@RequestParam(name = "as", required = false) String as,
                                    @RequestParam(name = "messageId", required = false) String messageId,
                                    @RequestHeader(name = FILE_NAME, required = false) String fileName,
                                    @RequestHeader(name = CAPTION, required = false) String caption,
                                    @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                    HttpServletRequest request) throws IOException {
        ChannelIdentity from = WebIdentity.parse(as);
        if (messageId == null) {
            throw new BadRequest("Send a \"messageId\" with an upload (a UUID will do), the same when you send it "
                    + "again, so that it is kept once.");
        }
        String name = decoded(fileName, FILE_NAME);
        if (name.isBlank()) {
            throw new BadRequest("Name the file in the header " + FILE_NAME + " (percent-encoded UTF-8).");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            // Within dispute.evidence.max-file-size: the request guard refused anything larger before this.
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            throw new BadRequest("The upload is empty: send the file's bytes as the request body.");
        }
        String text = caption == null ? "" : decoded(caption, CAPTION);
        if (text.length() > PostedMessage.MAX_TEXT_LENGTH) {
            throw new BadRequest("The caption is " + text.length() + " characters long; at most "
                    + PostedMessage.MAX_TEXT_LENGTH + ".");
        }
        IncomingFile file = new IncomingFile(name, request.getContentType(), bytes.length,
                () -> new ByteArrayInputStream(bytes));
        ChatEvent.Text event = ChatEvent.Text.direct(from, from.id(), text, PostedMessage.deliveryId(messageId, from))
                .withFiles(List.of(file)).withLanguage(Language.ofAcceptLanguage(acceptLanguage).orElse(null));
        return ChatController.deliver(inbound, event);
    }

    @GetMapping("/{dispute}/{item}")
    ResponseEntity<?> download(@PathVariable("dispute") String dispute, @PathVariable("item") String item,
                               @RequestParam(name = "as", required = false) String as) {
        ChannelIdentity who = WebIdentity.parse(as);
        Optional<DisputeId> id = disputeId(dispute);
        Optional<Dispute> loaded = id.flatMap(store::load).map(s -> s.dispute());
        Optional<Role> role = loaded.flatMap(d -> settings.isMediator(who) ? Optional.of(Role.MEDIATOR)
                : marketplace.personByIdentity(who).flatMap(p -> d.roleOf(p.id())));
        Optional<EvidenceItem> found = role.isEmpty() ? Optional.empty()
                : evidence.find(loaded.get().id(), item).filter(i -> i.visibleTo(role.get()));
        if (found.isEmpty()) {
            // The same answer whether the item is missing or not theirs to see: nothing to learn by guessing.
            return EvidenceDownloads.error(HttpStatus.NOT_FOUND, "There is no such evidence that " + who
                    + " may see.");
        }
        return EvidenceDownloads.serve(files, found.get());
    }

    private static Optional<DisputeId> disputeId(String value) {
        try {
            return Optional.of(new DisputeId(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String decoded(String header, String name) {
        if (header == null) {
            return "";
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("The header " + name + " must be percent-encoded UTF-8 (encodeURIComponent).");
        }
    }
}
