package com.disputeassistant.slack;

import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.MediatorRoom;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mediators' room on Slack ({@code dispute.slack.mediators-channel}): a channel where each dispute
 * handed to a mediator has a card (a top-level post) and a thread, in which the mediators claim, talk to
 * the parties and act. Without the setting, nothing is a room and mediators get direct messages.
 *
 * <p>Out: every message to an allow-listed Slack mediator that is about a dispute goes to that dispute's
 * thread (the first one posts the card), and the copies the engine sends each mediator are posted once.
 * A message about no dispute goes to the room's top level when the mediator wrote there, else to their DM.
 *
 * <p>In: only allow-listed mediators act here. A reply in a dispute's thread is about that dispute; at
 * the top level only the commands that name no dispute ({@code /queue}, {@code /claim <id>}, help) work.
 */
final class SlackRoom {
    static final String MEDIATORS_ONLY = "This channel is the mediators' room: only mediators can act here. "
            + "Write to me in our direct messages instead.";
    static final String WHERE_TO_WRITE = "To work on a dispute, reply in its thread, under its card. Here at the "
            + "top level, write !queue to list the disputes waiting for a mediator, or !claim <dispute id>.";

    /** What works at the room's top level: commands that name no dispute, or name it themselves. */
    private static final Pattern TOP_LEVEL = Pattern.compile("(/queue|/claim\\s.*|/help|help|\\?)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String channel;
    private final MediatorRoom room;
    private final ProcedureSettings settings;
    private final DisputeStore store;

    /** @param channel the room's channel id, or empty for none */
    SlackRoom(String channel, MediatorRoom room, ProcedureSettings settings, DisputeStore store) {
        this.channel = channel;
        this.room = room;
        this.settings = settings;
        this.store = store;
    }

    /** Where a message goes in the room; see {@link #placeOf}. */
    sealed interface Place {
        /** At the room's top level. */
        record TopLevel() implements Place {
        }

        /** In the dispute's thread; the first post about it is its card and starts the thread. */
        record InThread(DisputeId dispute) implements Place {
        }

        /** Another mediator's copy of a post already in the room: not posted again. */
        record Copy() implements Place {
        }
    }

    boolean configured() {
        return !channel.isEmpty();
    }

    String channel() {
        return channel;
    }

    boolean isRoom(String conversation) {
        return configured() && channel.equals(conversation);
    }

    /** Whom the room's buttons are registered for: any mediator may press them. */
    ChannelIdentity identity() {
        return room.identity();
    }

    /** Whether this Slack user may act in the room. */
    boolean admits(ChannelIdentity who) {
        return settings.isMediator(who);
    }

    /** Where in the room a message goes; empty when it goes to its recipient directly. */
    Optional<Place> placeOf(OutboundMessage message) {
        ChannelIdentity to = message.to().identity();
        if (!configured() || !settings.isMediator(to)) {
            return Optional.empty();
        }
        if (message.about().isEmpty()) {
            return isRoom(message.to().conversation()) ? Optional.of(new Place.TopLevel()) : Optional.empty();
        }
        DisputeId dispute = message.about().get();
        // A hand-off goes to every mediator in the same words: the first copy is posted, and a later hand-off
        // in the same words (after a hand-back) once again. What goes to the mediator holding the dispute is
        // for them alone and is always posted, even the same words again ("ok" relayed twice).
        if (room.firstCopy(to, dispute, message.text()) || holds(to, dispute)) {
            return Optional.of(new Place.InThread(dispute));
        }
        return Optional.of(new Place.Copy());
    }

    private boolean holds(ChannelIdentity mediator, DisputeId dispute) {
        return store.load(dispute).map(StoredDispute::dispute)
                .flatMap(d -> d.mediator())
                .filter(mediator.toString()::equals)
                .isPresent();
    }

    /** The dispute whose thread this is (a card's ts), if any. */
    Optional<DisputeId> disputeOf(String threadTs) {
        return threadTs == null ? Optional.empty() : room.disputeOf(threadTs);
    }

    /**
     * What a mediator wrote, as the engine reads commands. Slack takes a message that starts with
     * {@code /} for one of its own slash commands (and refuses those in threads), so in the room
     * {@code !fee 300} stands for {@code /fee 300}; a leading space before {@code /} also gets through Slack.
     */
    static String asCommand(String text) {
        String stripped = text.strip();
        return stripped.startsWith("!") ? "/" + stripped.substring(1) : stripped;
    }

    /** Whether a top-level message in the room is something the engine can answer there. */
    static boolean worksAtTopLevel(String command) {
        return TOP_LEVEL.matcher(command.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * The registry's id for a press of a room button. The registry lets a message's buttons be answered
     * once; in the room that means one of a card's buttons, but pressed by whichever mediator: the same
     * id for every press of one button lets the engine hear each mediator (a second Claim is told who has
     * the dispute; a stale action is refused there), while a card's other buttons stay spent.
     */
    static String pressId(String token) {
        return "slack:room-button:" + token;
    }
}
