package com.disputeassistant.web.console;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.rooms.ChatRoom;

/**
 * The console as a mediators' room of the web channel, so that what a mediator does on a dispute's page
 * reaches the engine about exactly that dispute, through the one inbound path, as it does from a room
 * thread on Slack or Telegram: each dispute's page is its thread (the thread is the dispute id). The
 * engine's answers go to the mediator's {@code web:} identity, whose inbox the page shows.
 *
 * <p>The conversation id has a space, which no playground conversation (a web identity's id) can have.
 */
final class ConsoleRoom {
    static final String CONVERSATION = "mediator console";

    private final ChatRoom room;

    ConsoleRoom(ChatRoom room) {
        this.room = room;
    }

    /**
     * What the mediator wrote on the dispute's page, as a message in its thread; {@code requestId} comes
     * from the form, so that a form sent twice is applied once.
     */
    ChatEvent.Text written(StaffMember member, DisputeId dispute, String text, String requestId) {
        room.rememberThread(dispute, dispute.value());
        return new ChatEvent.Text(member.actsAs(), CONVERSATION, dispute.value(), text, "console:" + requestId);
    }
}
