package com.disputeassistant.evidence;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.Step;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One piece of evidence of a dispute, as recorded: who sent it, when, at which step, what it is and
 * where it lives (its id in the {@link EvidenceStore}; a link has no bytes, its address is its name).
 *
 * @param id            the generated id, also the item's name in the store
 * @param kind          a file, or a link found in a message's text
 * @param sender        the sender's channel identity ({@code telegram:42}), for the mediator and the console
 * @param role          the sender's part in the dispute ({@link Role#MEDIATOR} for a mediator)
 * @param step          the step the dispute was at when it arrived
 * @param afterDecision whether it arrived after a decision (an outcome) was made: kept, but marked, as
 *                      the decision did not rest on it
 * @param name          a file's cleaned name (never a path), or a link's address
 * @param mediaType     the type found in the bytes ({@link MediaTypes}), {@code text/uri-list} for a link
 * @param size          bytes; 0 for a link
 * @param sha256        of the bytes, or of a link's address
 */
public record EvidenceItem(String id, DisputeId dispute, Kind kind, String sender, Role role, Instant at, Step step,
                           boolean afterDecision, String name, String mediaType, long size, String sha256) {
    /** The steps whose evidence the other party receives too: the description and the tasks (see README). */
    static final Set<Step> SHARED_STEPS = EnumSet.of(Step.INTAKE, Step.TASKS, Step.TASK_REVIEW, Step.REWORK, Step.CHECK);
    private static final int MAX_LINK = 2000;

    /** What an item is. */
    public enum Kind { FILE, LINK }

    public EvidenceItem {
        Objects.requireNonNull(dispute, "dispute");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        name = kind == Kind.FILE ? IncomingFile.cleanName(name)
                : Objects.requireNonNull(name, "name").replaceAll("\\p{Cntrl}", "");
        if (name.length() > MAX_LINK) {
            name = name.substring(0, MAX_LINK);
        }
        // Checks the id, the hash and the size once, for files and links alike.
        new EvidenceRef(id, kind == Kind.FILE ? name : "link", mediaType, size, sha256);
    }

    /** The reference a reply carries to deliver this file; only for a {@link Kind#FILE}. */
    public EvidenceRef ref() {
        if (kind != Kind.FILE) {
            throw new IllegalStateException("a link has no bytes to deliver: " + id);
        }
        return new EvidenceRef(id, name, mediaType, size, sha256);
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }

    /**
     * Whether the procedure shows it to the other party too (at intake and on the tasks, see {@link
     * #SHARED_STEPS}); a mediator sees everything, and a mediator's own evidence goes to both parties.
     */
    public boolean sharedWithParties() {
        return role == Role.MEDIATOR || SHARED_STEPS.contains(step);
    }

    /**
     * Whether someone with this part in the dispute may see the item (download it, find it listed): a
     * mediator everything, a party what their own side sent and what the procedure shares.
     */
    public boolean visibleTo(Role viewer) {
        return viewer == Role.MEDIATOR || viewer == role || sharedWithParties();
    }
}
