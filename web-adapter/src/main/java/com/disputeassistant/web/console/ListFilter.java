package com.disputeassistant.web.console;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the lists of disputes ("My disputes", "All open disputes") are narrowed to, from the start page's
 * query: a step, a least age (days since the dispute opened) and a channel someone in it is reached on.
 * Each part is optional; a value the form does not offer is left out, and {@code understood} says so.
 *
 * @param step       only disputes at this step
 * @param minAgeDays only disputes opened at least this many days ago (0: any)
 * @param channel    only disputes where a party or the mediator is on this channel
 * @param understood false when the query had a value the form does not offer
 */
record ListFilter(Optional<Step> step, int minAgeDays, Optional<String> channel, boolean understood) {
    /** The ages the form offers, in days. */
    static final List<Integer> AGES = List.of(1, 3, 7, 30);
    /** The channels the form offers. */
    static final List<String> CHANNELS = List.of("web", "slack", "telegram");

    static final ListFilter NONE = new ListFilter(Optional.empty(), 0, Optional.empty(), true);

    /** The steps an open dispute can be at, for the form. */
    static List<Step> openSteps() {
        return Arrays.stream(Step.values()).filter(step -> step != Step.CLOSED).toList();
    }

    static ListFilter parse(String step, String age, String channel) {
        boolean understood = true;
        Optional<Step> atStep = Optional.empty();
        if (!isBlank(step)) {
            atStep = openSteps().stream().filter(s -> word(s).equals(step.strip().toLowerCase(Locale.ROOT))).findFirst();
            understood = atStep.isPresent();
        }
        int days = 0;
        if (!isBlank(age)) {
            days = AGES.stream().filter(d -> d.toString().equals(age.strip())).findFirst().orElse(0);
            understood &= days > 0;
        }
        Optional<String> on = Optional.empty();
        if (!isBlank(channel)) {
            on = CHANNELS.stream().filter(c -> c.equals(channel.strip().toLowerCase(Locale.ROOT))).findFirst();
            understood &= on.isPresent();
        }
        return new ListFilter(atStep, days, on, understood);
    }

    /** A step as the form and the query write it: {@code task-review}. */
    static String word(Step step) {
        return step.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the dispute is one to list; {@code channels} are those its people are reached on. */
    boolean test(Dispute dispute, Instant now, Set<String> channels) {
        return step.map(s -> dispute.step() == s).orElse(true)
                && !dispute.openedAt().isAfter(now.minus(Duration.ofDays(minAgeDays)))
                && channel.map(channels::contains).orElse(true);
    }

    public boolean isEmpty() {
        return step.isEmpty() && minAgeDays == 0 && channel.isEmpty();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
