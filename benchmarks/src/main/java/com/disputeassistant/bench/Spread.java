package com.disputeassistant.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Values measured over several rounds, by their lowest, median and highest. */
record Spread(List<Double> values) {

    Spread {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        values = List.copyOf(values);
    }

    double min() {
        return Collections.min(values);
    }

    double max() {
        return Collections.max(values);
    }

    /** The middle value, or the mean of the two middle ones. */
    double median() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** "0.231 (min 0.190, max 0.260, 5 rounds)" */
    String summary() {
        return Report.decimal(median()) + " (min " + Report.decimal(min()) + ", max " + Report.decimal(max()) + ", "
                + values.size() + " rounds)";
    }
}
