package com.disputeassistant.rooms;

import com.disputeassistant.conversation.MediatorCommand;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.outbox.ReplyWrite;
import com.disputeassistant.procedure.ProcedureSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import redis.clients.jedis.UnifiedJedis;

/**
 * The mediators' room policy of one chat platform (a Slack channel, a Telegram group), the same for
 * every platform; the channel only renders what it decides.
 *
 * <p>In: only allow-listed mediators act in the room. A message in a dispute's thread is about that
 * dispute; at the top level only the commands that name no dispute work ({@link
 * MediatorCommand#worksWithoutDispute}); anything else is answered with where to write instead. The
 * room's buttons are registered for the room ({@link #identity()}), so any mediator may press them.
 *
 * <p>Out ({@link #placeOf}): what a mediator of this platform is told about a dispute goes to the
 * dispute's thread, whose first post is its card; the engine tells every mediator the same words, and
 * the room shows them once. What answers someone who wrote in the room is always shown.
 */
public final class ChatRoom {
    private final String channel;
    private final String conversation;
    private final MediatorRoom threads;
    private final MediatorRoom posts;
    private final ProcedureSettings settings;

    /**
     * @param channel      the channel name ({@code slack}, {@code telegram})
     * @param conversation the room's id on the platform
     * @param threads      each dispute's thread (the card, or a topic), both ways
     * @param posts        where inbound thread references are looked up: {@code threads} where a
     *                     reference is the thread itself (a Slack thread ts, a Telegram topic), or a map of
     *                     every post of the bot where a reference is the post replied to
     */
    ChatRoom(String channel, String conversation, MediatorRoom threads, MediatorRoom posts,
                    ProcedureSettings settings) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (conversation.isBlank()) {
            throw new IllegalArgumentException("a mediators' room needs its " + channel + " conversation id");
        }
    }

    /**
     * A room whose threads a message names by the thread itself (a Slack thread's ts, a Telegram forum
     * topic); its keys are under {@code keyPrefix}.
     */
    public static ChatRoom threaded(UnifiedJedis redis, String keyPrefix, String channel, String conversation,
                                    ProcedureSettings settings) {
        MediatorRoom threads = new MediatorRoom(redis, keyPrefix, channel);
        return new ChatRoom(channel, conversation, threads, threads, settings);
    }

    /**
     * A room where a dispute's thread is the reply chain under its card (a Telegram group that is no
     * forum): a message names it by the post of the bot it replies to, so every post is remembered.
     */
    public static ChatRoom replyChains(UnifiedJedis redis, String keyPrefix, String channel, String conversation,
                                       ProcedureSettings settings) {
        return new ChatRoom(channel, conversation, new MediatorRoom(redis, keyPrefix, channel),
                new MediatorRoom(redis, keyPrefix, channel + "-posts"), settings);
    }

    /** Where a message goes; see {@link #placeOf}. */
    public sealed interface Place {
        /** Not the room's: to its recipient directly. */
        record Direct() implements Place {
        }

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

    /**
     * How a channel renders a message for where the room's policy says, as the queue writes that post it;
     * see {@link #post}. The card of a dispute's thread is still taken when the post is sent (see {@link
     * #leaseCard}), not when it is rendered.
     */
    public interface Poster {
        /** To its recipient directly (a DM, a private chat). */
        List<ReplyWrite> direct(OutboundMessage message);

        /** In the room: in the dispute's thread (the first post about it is its card), or at the top level when null. */
        List<ReplyWrite> inRoom(OutboundMessage message, DisputeId thread);
    }

    /**
     * The writes that put a message where it goes ({@link #placeOf}), rendered by the channel's poster; a
     * copy of what the room already shows is none. Without a room ({@code room} null), every message goes
     * directly.
     */
    public static List<ReplyWrite> post(ChatRoom room, OutboundMessage message, Poster poster) {
        Place place = room == null ? new Place.Direct() : room.placeOf(message);
        if (place instanceof Place.Direct) {
            return poster.direct(message);
        } else if (place instanceof Place.InThread thread) {
            return poster.inRoom(message, thread.dispute());
        } else if (place instanceof Place.TopLevel) {
            return poster.inRoom(message, null);
        }
        return List.of();
    }

    public String channel() {
        return channel;
    }

    /** The room's id on the platform. */
    public String conversation() {
        return conversation;
    }

    public boolean isRoom(String conversation) {
        return this.conversation.equals(conversation);
    }

    /** Who the room's buttons are registered for, so that any mediator may press them. */
    public ChannelIdentity identity() {
        return threads.identity();
    }

    /** Whether this person may act in the room: an allow-listed mediator. */
    public boolean admits(ChannelIdentity who) {
        return settings.isMediator(who);
    }

    /** The dispute an inbound thread reference (see {@link #ChatRoom}) belongs to, if any. */
    public Optional<DisputeId> disputeOf(String thread) {
        return thread == null ? Optional.empty() : posts.disputeOf(thread);
    }

    /** Whether a message written at the room's top level is something the engine can answer there. */
    public boolean worksAtTopLevel(String text) {
        return MediatorCommand.worksWithoutDispute(text);
    }

    /**
     * Where a message goes. A mediator's message about a dispute goes to its thread: the n-th time one
     * mediator is sent these words and buttons is shown once, for whichever mediator's copy comes first
     * (see {@link MediatorRoom#firstCopy}), so one turn's copies for every mediator are posted once while
     * a later repeat (a party writing "ok" twice, a second hand-off) is posted again. An answer to a
     * mediator who wrote in the room is theirs alone and always shown; one about no dispute goes to the
     * top level.
     *
     * <p>Decided when the turn's replies are rendered, before its commit. A rendering whose commit then
     * does not happen (a conflict, after which the turn is rendered again; a failure) counted one copy for
     * every mediator alike, so the next rendering of the same words still shows exactly one of its copies.
     */
    public Place placeOf(OutboundMessage message) {
        ChannelIdentity to = message.to().identity();
        if (!channel.equals(to.channel()) || !admits(to)) {
            return new Place.Direct();
        }
        boolean answer = isRoom(message.to().conversation());
        if (message.about().isEmpty()) {
            return answer ? new Place.TopLevel() : new Place.Direct();
        }
        DisputeId dispute = message.about().get();
        if (answer) {
            return new Place.InThread(dispute);
        }
        String post = message.text() + "\n" + message.options().stream().map(ReplyOption::id)
                .collect(Collectors.joining(","));
        return threads.firstCopy(to, dispute, post) ? new Place.InThread(dispute) : new Place.Copy();
    }

    /** The dispute's thread, once its card was posted. */
    public Optional<String> threadOf(DisputeId dispute) {
        return threads.threadOf(dispute);
    }

    /** Records the dispute's thread (the card's id, or a topic's), so later posts and replies find it. */
    public void rememberThread(DisputeId dispute, String thread) {
        threads.rememberThread(dispute, thread);
    }

    /** Records one more post of the bot in the dispute's thread, which a mediator may reply to. */
    public void rememberPost(DisputeId dispute, String post) {
        if (posts != threads) {
            posts.rememberThread(dispute, post);
        }
    }

    /**
     * Takes the right to post the dispute's card, so that with several instances a dispute gets one card;
     * {@code poster} names the post (a retry of the same post finds the lease its own). See {@link
     * MediatorRoom#leaseCard}.
     */
    public boolean leaseCard(DisputeId dispute, String poster) {
        return threads.leaseCard(dispute, poster);
    }

    /** Gives the card's lease back once the card is posted and its thread remembered. */
    public void releaseCard(DisputeId dispute) {
        threads.releaseCard(dispute);
    }
}
