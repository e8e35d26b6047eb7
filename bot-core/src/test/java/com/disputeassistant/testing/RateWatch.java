package com.disputeassistant.testing;

import com.disputeassistant.outbox.SendLimits.Rate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A platform's rate limits as its fake server sees them: each message that arrives is counted against the
 * bot's limits and its conversation's (and a group's, for a group conversation), and every message beyond a
 * limit is noted as a violation for the test to fail on. The fakes call {@link #arrived} in one line; tests
 * that run at the platforms' real limits switch the watch on.
 *
 * <p>Messages are timed where they arrive, while the limiter counts them where it lets them go: the network
 * and the scheduler put a little noise between the two, so a window counts as full {@code tolerance} early.
 * Without a shared limit, N instances exceed a limit N times over, far beyond that noise.
 */
public final class RateWatch {
    private final List<Rate> perBot;
    private final List<Rate> perChat;
    private final List<Rate> perGroup;
    private final Predicate<String> isGroup;
    private final Duration tolerance;
    private final Deque<Long> bot = new ArrayDeque<>();
    private final Map<String, Deque<Long>> chats = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Integer> busiest = new HashMap<>();
    private int messages;

    public RateWatch(List<Rate> perBot, List<Rate> perChat, List<Rate> perGroup, Predicate<String> isGroup,
                     Duration tolerance) {
        this.perBot = List.copyOf(perBot);
        this.perChat = List.copyOf(perChat);
        this.perGroup = List.copyOf(perGroup);
        this.isGroup = isGroup;
        this.tolerance = tolerance;
    }

    /** Counts a message to {@code conversation} that arrived now. */
    public synchronized void arrived(String conversation) {
        long now = System.nanoTime();
        messages++;
        check("the bot", bot, perBot, now);
        Deque<Long> chat = chats.computeIfAbsent(conversation, c -> new ArrayDeque<>());
        List<Rate> rates = new ArrayList<>(perChat);
        if (isGroup.test(conversation)) {
            rates.addAll(perGroup);
        }
        check("chat " + conversation, chat, rates, now);
    }

    private void check(String who, Deque<Long> arrivals, List<Rate> rates, long now) {
        arrivals.addLast(now);
        long longest = rates.stream().mapToLong(rate -> rate.window().toNanos()).max().orElse(0);
        while (!arrivals.isEmpty() && arrivals.peekFirst() <= now - longest) {
            arrivals.removeFirst();
        }
        for (Rate rate : rates) {
            long window = rate.window().toNanos();
            int inWindow = (int) arrivals.stream().filter(at -> at > now - window).count();
            busiest.merge((who.equals("the bot") ? "bot" : "chat") + " per " + rate.window(), inWindow, Math::max);
            long shortened = window - tolerance.toNanos();
            int inShortened = (int) arrivals.stream().filter(at -> at > now - shortened).count();
            if (inShortened > rate.count()) {
                violations.add(who + ": " + inShortened + " messages within " + Duration.ofNanos(shortened).toMillis()
                        + " ms, over the limit of " + rate.count() + " per " + rate.window());
            }
        }
    }

    /** Every message that went over a limit, with the limit; empty if all kept within. */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many messages arrived. */
    public synchronized int messages() {
        return messages;
    }

    /**
     * The most messages seen in any window of each limit, for the bot and for the busiest conversation, such as
     * {@code bot per PT1S=30}: what the test measured.
     */
    public synchronized Map<String, Integer> busiest() {
        return Map.copyOf(busiest);
    }
}
