package com.disputeassistant.faults;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts the load's markers ({@code [tag-pair-n]}) in what people received. */
final class Markers {
    private static final Pattern MARKER = Pattern.compile("\\[[a-z]+-\\d+-\\d+]");
    private final Map<String, Long> seen = new HashMap<>();

    Markers add(String text) {
        Matcher matcher = MARKER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            seen.merge(matcher.group(), 1L, Long::sum);
        }
        return this;
    }

    long times(String marker) {
        return seen.getOrDefault(marker, 0L);
    }
}
