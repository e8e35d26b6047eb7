package com.disputeassistant.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times each inbound update until the app's first outbound API call to the same chat: a person sends one
 * message and waits for the answer, so one timing per chat is open at a time. Replies nobody waits for
 * (a second message of one answer, or answers while recording is off) are not timed.
 */
final class ReplyWatch {
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private volatile boolean recording;

    /** The update for this chat leaves now. */
    void sent(String chat, long nanoTime) {
        if (recording) {
            waiting.put(chat, nanoTime);
        }
    }

    void replied(String chat) {
        Long sent = waiting.remove(chat);
        if (sent != null) {
            latencies.record(System.nanoTime() - sent);
        }
    }

    void recording(boolean on) {
        recording = on;
    }

    Latencies latencies() {
        return latencies;
    }

    /** Updates sent while recording that no reply has answered yet. */
    int unanswered() {
        return waiting.size();
    }
}
