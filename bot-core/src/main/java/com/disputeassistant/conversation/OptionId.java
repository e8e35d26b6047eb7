package com.disputeassistant.conversation;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.language.Language;
import java.util.Optional;

/**
 * The opaque ids behind reply options. A dispute option names the dispute and the step it was offered
 * at ({@code d:<dispute>:<stepSeq>:<action>[:<arg>]}), so a click from an earlier step is recognised
 * and refused; the others are {@code menu}, {@code help}, {@code open:<order>}, {@code focus:<dispute>} and
 * {@code lang:<code>}.
 * All stay well under Telegram's 64-byte callback limit for the ids this bot generates.
 */
record OptionId(Kind kind, DisputeId dispute, int stepSeq, String action, String arg) {

    enum Kind { MENU, HELP, OPEN_ORDER, FOCUS, DISPUTE, LANGUAGE }

    static final String MENU = "menu";
    static final String HELP = "help";

    static String open(String orderId) {
        return "open:" + orderId;
    }

    static String language(Language language) {
        return "lang:" + language.code();
    }

    static String focus(DisputeId dispute) {
        return "focus:" + dispute;
    }

    static String dispute(DisputeId dispute, int stepSeq, String action, Object arg) {
        String id = "d:" + dispute + ":" + stepSeq + ":" + action;
        return arg == null ? id : id + ":" + arg;
    }

    static Optional<OptionId> parse(String id) {
        if (id == null || id.length() > 200) {
            return Optional.empty();
        }
        if (id.equals(MENU)) {
            return Optional.of(new OptionId(Kind.MENU, null, 0, null, null));
        }
        if (id.equals(HELP)) {
            return Optional.of(new OptionId(Kind.HELP, null, 0, null, null));
        }
        try {
            if (id.startsWith("open:") && id.length() > 5) {
                return Optional.of(new OptionId(Kind.OPEN_ORDER, null, 0, null, id.substring(5)));
            }
            if (id.startsWith("lang:")) {
                return Optional.of(new OptionId(Kind.LANGUAGE, null, 0, null, id.substring(5)));
            }
            if (id.startsWith("focus:")) {
                return Optional.of(new OptionId(Kind.FOCUS, new DisputeId(id.substring(6)), 0, null, null));
            }
            String[] parts = id.split(":", 5);
            if (parts.length >= 4 && parts[0].equals("d")) {
                return Optional.of(new OptionId(Kind.DISPUTE, new DisputeId(parts[1]), Integer.parseInt(parts[2]),
                        parts[3], parts.length == 5 ? parts[4] : null));
            }
        } catch (IllegalArgumentException e) {
            // A malformed dispute id or step number: the option was not one of ours.
        }
        return Optional.empty();
    }
}
