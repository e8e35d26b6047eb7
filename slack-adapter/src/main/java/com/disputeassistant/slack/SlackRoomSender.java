package com.disputeassistant.slack;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.PlatformSender;
import com.disputeassistant.outbox.SendFailure;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.slack.sending.SlackSender;
import com.disputeassistant.slack.sending.SlackUpload;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts queued messages, putting those meant for a dispute's thread in the mediators' room into it.
 *
 * <p>A thread is a card's {@code ts}, which Slack gives only when the card is posted, after the engine's
 * turn. So a message for a thread is queued with the dispute it is about ({@link #inThreadOf}) and the
 * thread is looked up when it is sent: the room's messages are one outbox conversation, sent in order,
 * so the card is posted (and its thread remembered) before anything queued after it looks for it.
 *
 * <p>With several instances, one conversation's entries may be split between them (see
 * {@code OutboxSender}): an instance about to post a card first takes the card's lease ({@link
 * ChatRoom#leaseCard}); another that finds it taken waits {@link #CARD_WAIT} and tries again, by then
 * finding the thread, so a dispute has one card.
 */
final class SlackRoomSender implements PlatformSender {
    /** Our own field in a queued body, taken out before it is posted. */
    private static final String THREAD_OF = "dispute_thread_of";
    /** Attempts times this wait outlast the lease, so an entry waits out a crashed poster's lease. */
    static final Duration CARD_WAIT = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(SlackRoomSender.class);

    private final SlackSender slack;
    /** The mediators' room, or null when there is none. */
    private final ChatRoom room;

    SlackRoomSender(SlackSender slack, ChatRoom room) {
        this.slack = slack;
        this.room = room;
    }

    /**
     * A {@code chat.postMessage} body to be posted in this dispute's thread, or as its card if it has none;
     * or an upload ({@link SlackUpload}) to be shared in that thread.
     */
    static String inThreadOf(String body, DisputeId dispute) {
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        json.put(THREAD_OF, dispute.value());
        return JSON.writeValueAsString(json);
    }

    @Override
    public void send(OutboxEntry entry) throws SendFailure {
        if (room == null || !room.isRoom(entry.conversation())) {
            slack.send(entry);
            return;
        }
        ObjectNode body;
        DisputeId dispute;
        try {
            body = (ObjectNode) JSON.readTree(entry.payload());
            JsonNode thread = body.remove(THREAD_OF);
            if (thread == null) {
                slack.send(entry);
                return;
            }
            dispute = new DisputeId(thread.asString());
        } catch (JacksonException | ClassCastException | IllegalArgumentException e) {
            throw SendFailure.permanent("not a room message this version can read: " + e.getMessage());
        }
        Optional<String> thread = room.threadOf(dispute);
        // A file follows the text that names it, so its thread is there; one without (never seen) goes to the top level.
        if (thread.isPresent() || SlackUpload.isUpload(body)) {
            thread.ifPresent(ts -> body.put("thread_ts", ts));
            slack.send(new OutboxEntry(entry.conversation(), JSON.writeValueAsString(body)));
            return;
        }
        String poster = entry.payload().length() + ":" + Integer.toHexString(entry.payload().hashCode());
        if (!room.leaseCard(dispute, poster)) {
            throw SendFailure.retryAfter(CARD_WAIT, "another instance is posting the card of dispute " + dispute);
        }
        String posted = slack.post(entry.conversation(), JSON.writeValueAsString(body));
        if (posted == null) {
            log.warn("Slack posted the card of dispute {} without a ts: its next message starts another card", dispute);
        } else {
            room.rememberThread(dispute, posted);
        }
        room.releaseCard(dispute);
    }
}
