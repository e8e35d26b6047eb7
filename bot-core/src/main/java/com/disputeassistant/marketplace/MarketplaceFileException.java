package com.disputeassistant.marketplace;

import java.util.List;

/**
 * A marketplace file that cannot be loaded. Lists every problem found, each naming the entry and
 * saying what to change, so that one round of edits fixes the file; the message names the file too.
 */
public final class MarketplaceFileException extends IllegalArgumentException {

    /** Beyond this, the message says how many more there are; {@link #problems()} has them all. */
    private static final int PROBLEMS_IN_MESSAGE = 20;

    private final String source;
    private final List<String> problems;

    MarketplaceFileException(String source, List<String> problems, Throwable cause) {
        super(message(source, problems), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    MarketplaceFileException(String source, List<String> problems) {
        this(source, problems, null);
    }

    /** The file (or stream name) that was being loaded. */
    public String source() {
        return source;
    }

    /** Every problem found, without the file name. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        StringBuilder message = new StringBuilder("Cannot load the marketplace file ").append(source)
                .append(problems.size() == 1 ? " (1 problem):" : " (" + problems.size() + " problems):");
        problems.stream().limit(PROBLEMS_IN_MESSAGE)
                .forEach(problem -> message.append(System.lineSeparator()).append("  - ").append(problem));
        if (problems.size() > PROBLEMS_IN_MESSAGE) {
            message.append(System.lineSeparator()).append("  ... and ")
                    .append(problems.size() - PROBLEMS_IN_MESSAGE).append(" more");
        }
        return message.toString();
    }
}
