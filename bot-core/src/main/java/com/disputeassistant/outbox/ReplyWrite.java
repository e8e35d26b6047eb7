package com.disputeassistant.outbox;

import java.util.List;
import java.util.Objects;

/**
 * One write that puts a reply where it waits to be sent, as a channel renders it: an entry of an
 * {@link Outbox} stream, or a message of a numbered inbox (the web playground's, which a page polls).
 * Channels only render; the store applies a turn's writes in the same atomic step as the turn's new
 * state (or, for a turn that changed nothing, together with its delivery id's handled-marker), so a
 * reply is queued exactly when its turn is applied, once.
 *
 * @param kind     which of the two writes
 * @param keys     the stream's key; for an inbox, the list's key, then the key of its last seq
 * @param first    stream: the entry's conversation (see {@link OutboxEntry}); inbox: the message's JSON
 *                 object without its opening brace, which the write completes with {@code {"seq":N,}}
 * @param second   stream: the entry's payload; inbox: unused ("")
 * @param capacity inbox: how many messages the list keeps (the oldest are dropped); stream: 0
 */
public record ReplyWrite(Kind kind, List<String> keys, String first, String second, int capacity) {

    /** The two ways a reply waits: in an outbox stream, or in a numbered inbox list. */
    public enum Kind {
        STREAM, INBOX
    }

    public ReplyWrite {
        Objects.requireNonNull(kind, "kind");
        keys = List.copyOf(keys);
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (keys.size() != (kind == Kind.STREAM ? 1 : 2)) {
            throw new IllegalArgumentException("a " + kind + " write names " + (kind == Kind.STREAM ? 1 : 2) + " keys");
        }
        if (kind == Kind.INBOX && capacity < 1) {
            throw new IllegalArgumentException("an inbox keeps at least one message");
        }
    }

    /** An entry for the outbox stream {@code streamKey} (see {@link Outbox#queueKey}). */
    public static ReplyWrite toOutbox(String streamKey, OutboxEntry entry) {
        return new ReplyWrite(Kind.STREAM, List.of(streamKey), entry.conversation(), entry.payload(), 0);
    }

    /**
     * A message for an inbox list: the write numbers it with the next value of {@code seqKey} (so the seqs
     * in the list are contiguous), puts it last and keeps the newest {@code capacity}.
     *
     * @param jsonWithoutBrace the message as a JSON object whose opening brace is left off
     */
    public static ReplyWrite toInbox(String listKey, String seqKey, String jsonWithoutBrace, int capacity) {
        return new ReplyWrite(Kind.INBOX, List.of(listKey, seqKey), jsonWithoutBrace, "", capacity);
    }

    /** The write's arguments for the store's scripts: kind, first, second, capacity (see {@code replies.lua}). */
    public List<String> args() {
        return List.of(kind == Kind.STREAM ? "stream" : "inbox", first, second, Integer.toString(capacity));
    }
}
