package com.disputeassistant.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * Load: the client of each of the {@code pairs}' disputes in the talking step writes to the other party, one message at a
 * time, through the instance {@code instanceFor} picks, each message carrying a unique marker
 * {@code [tag-pair-n]}; every answer's status is kept per marker. {@link #counts} then looks up how often each
 * marker reached the other party.
 */
final class Turns {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Marker → the HTTP status its message got ({@link Playground#NO_ANSWER} for none). */
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final String tag;

    private Turns(String tag) {
        this.tag = tag;
    }

    /** Starts {@code threads} writers over the pairs, each waiting {@code pauseMillis} between two messages. */
    static Turns start(String tag, FaultEnvironment.Range pairs, int threadCount, long pauseMillis,
                       IntFunction<Playground> instanceFor) {
        Turns turns = new Turns(tag);
        for (int t = 0; t < threadCount; t++) {
            int first = t;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (turns.running.get()) {
                    for (int i = pairs.first() + first; i < pairs.end() && turns.running.get(); i += threadCount) {
                        String marker = turns.marker(i, n);
                        turns.statuses.put(marker, instanceFor.apply(n).says(FaultMarketplace.client(i),
                                "message " + marker));
                    }
                    n++;
                    RedisProcess.sleep(pauseMillis);
                }
            }, "turns-" + tag + "-" + t);
            thread.start();
            turns.threads.add(thread);
        }
        return turns;
    }

    String marker(int pair, int n) {
        return "[" + tag + "-" + pair + "-" + n + "]";
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** The counts, with {@code received} telling how many times a marker reached the other party. */
    FaultCounts counts(String scenario, ToLongFunction<String> received) {
        long acknowledged = 0;
        long lost = 0;
        long doubled = 0;
        long appliedUnacknowledged = 0;
        long errors500 = 0;
        long unavailable503 = 0;
        long noAnswer = 0;
        List<String> lostMarkers = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : statuses.entrySet()) {
            long times = received.applyAsLong(entry.getKey());
            int status = entry.getValue();
            if (times > 1) {
                doubled++;
            }
            if (status == 200) {
                acknowledged++;
                if (times == 0) {
                    lost++;
                    lostMarkers.add(entry.getKey());
                }
            } else if (times > 0) {
                appliedUnacknowledged++;
            }
            if (status >= 500 && status != 503) {
                errors500++;
            } else if (status == 503) {
                unavailable503++;
            } else if (status == Playground.NO_ANSWER) {
                noAnswer++;
            }
        }
        if (!lostMarkers.isEmpty()) {
            System.out.println("FAULTS " + scenario + ": lost " + lostMarkers);
        }
        return new FaultCounts(scenario, statuses.size(), acknowledged, lost, doubled, errors500, unavailable503,
                noAnswer, appliedUnacknowledged);
    }
}
