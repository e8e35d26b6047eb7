package com.disputeassistant.slack;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.PlatformSender;
import com.disputeassistant.outbox.SendFailure;
import com.disputeassistant.rooms.MediatorRoom;
import com.disputeassistant.slack.sending.SlackSender;
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
 */
final class SlackRoomSender implements PlatformSender {
    /** Our own field in a queued body, taken out before it is posted. */
    private static final String THREAD_OF = "dispute_thread_of";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(SlackRoomSender.class);

    private final SlackSender slack;
    private final MediatorRoom room;
    private final String roomChannel;

    SlackRoomSender(SlackSender slack, MediatorRoom room, String roomChannel) {
        this.slack = slack;
        this.room = room;
        this.roomChannel = roomChannel;
    }

    /** A {@code chat.postMessage} body to be posted in this dispute's thread, or as its card if it has none. */
    static String inThreadOf(String body, DisputeId dispute) {
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        json.put(THREAD_OF, dispute.value());
        return JSON.writeValueAsString(json);
    }

    @Override
    public void send(OutboxEntry entry) throws SendFailure {
        if (roomChannel.isEmpty() || !roomChannel.equals(entry.conversation())) {
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
        thread.ifPresent(ts -> body.put("thread_ts", ts));
        String posted = slack.post(entry.conversation(), JSON.writeValueAsString(body));
        if (thread.isEmpty()) {
            if (posted == null) {
                log.warn("Slack posted the card of dispute {} without a ts: its next messages start a new card", dispute);
            } else {
                room.rememberThread(dispute, posted);
            }
        }
    }
}
