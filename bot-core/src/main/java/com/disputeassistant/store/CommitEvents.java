package com.disputeassistant.store;

import com.disputeassistant.outbox.OutboxEntry;
import java.util.List;

/**
 * What a committed change tells the world beyond the store: entries for one {@link
 * com.disputeassistant.outbox.Outbox}, queued by the commit itself, so that an event exists exactly when
 * the state it describes does (never "commit, then append").
 */
public interface CommitEvents {

    /** No events: the store queues nothing. */
    CommitEvents NONE = new CommitEvents() {
        @Override
        public String channel() {
            return "events";
        }

        @Override
        public Events of(Change change) {
            return Events.NONE;
        }
    };

    /** The outbox channel the entries go to. */
    String channel();

    /** The change's events; built before the commit, queued only if it commits. */
    Events of(Change change);

    /**
     * @param whenCommitted queued when the change commits
     * @param whenClosed    queued only by the commit that moves the dispute into CLOSED (like the
     *                      payments stream's entry), never again for a dispute already closed
     */
    record Events(List<OutboxEntry> whenCommitted, List<OutboxEntry> whenClosed) {
        public static final Events NONE = new Events(List.of(), List.of());

        public Events {
            whenCommitted = List.copyOf(whenCommitted);
            whenClosed = List.copyOf(whenClosed);
        }
    }
}
