package com.disputeassistant.bench;

import java.util.List;

/**
 * Redis memory per open dispute, from MEMORY USAGE of each key a dispute owns, averaged over a sample of
 * open disputes: the dispute hash and its index entries (the order's claim, both parties' open-dispute
 * sets, their focus keys, and its share of the timer and mediator-queue sets), then its timeline, then
 * its transcript. Key names follow RedisDisputeStore's documented layout.
 *
 * @param disputes          how many open disputes the averages are over
 * @param hash              bytes of the dispute hash alone
 * @param hashAndIndexes    bytes of the dispute hash plus index entries
 * @param timeline          bytes of the timeline list
 * @param transcript        bytes of the transcript list
 * @param jsonBytes         length of the dispute's stored form (its pieces together), the bulk of the hash
 */
record DisputeMemory(int disputes, double hash, double hashAndIndexes, double timeline, double transcript, double jsonBytes) {

    double withoutTranscript() {
        return hashAndIndexes + timeline;
    }

    double withTranscript() {
        return hashAndIndexes + timeline + transcript;
    }

    /** Measures the open disputes of the orders numbered in {@code orders}; orders with none are skipped. */
    static DisputeMemory of(RedisInfo info, String prefix, List<Integer> orders) {
        double sharedPerDispute = shared(info, prefix + "timers") + shared(info, prefix + "mediators:queue");
        int found = 0;
        double hashes = 0;
        double hashAndIndexes = 0;
        double timeline = 0;
        double transcript = 0;
        double json = 0;
        for (int n : orders) {
            String orderKey = prefix + "order:ORD-" + n + ":dispute";
            String id = info.get(orderKey);
            if (id == null) {
                continue;
            }
            found++;
            String hash = prefix + "dispute:{" + id + "}";
            long hashBytes = info.memoryUsage(hash);
            hashes += hashBytes;
            hashAndIndexes += hashBytes + info.memoryUsage(orderKey)
                    + info.memoryUsage(prefix + "person:c" + n + ":disputes")
                    + info.memoryUsage(prefix + "person:e" + n + ":disputes")
                    + info.memoryUsage(prefix + "focus:web:c" + n) + info.memoryUsage(prefix + "focus:web:e" + n)
                    + sharedPerDispute;
            timeline += info.memoryUsage(hash + ":timeline");
            transcript += info.memoryUsage(hash + ":transcript");
            json += storedFormLength(info, hash);
        }
        int per = Math.max(1, found);
        return new DisputeMemory(found, hashes / per, hashAndIndexes / per, timeline / per, transcript / per, json / per);
    }

    /**
     * The stored form's length: in pieces {@code p1..pN} with their count in {@code n} (see the store's
     * stored-form.lua), or whole in {@code json} for a dispute written before the pieces.
     */
    private static long storedFormLength(RedisInfo info, String hash) {
        String count = info.hashField(hash, "n");
        if (count == null) {
            return info.fieldLength(hash, "json");
        }
        long length = 0;
        for (int i = 1; i <= Integer.parseInt(count); i++) {
            length += info.fieldLength(hash, "p" + i);
        }
        return length;
    }

    private static double shared(RedisInfo info, String key) {
        long members = info.sortedSetSize(key);
        return members == 0 ? 0 : (double) info.memoryUsage(key) / members;
    }
}
