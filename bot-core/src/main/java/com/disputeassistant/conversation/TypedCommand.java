package com.disputeassistant.conversation;

import java.util.Locale;
import java.util.Map;

/**
 * The few words a person can type at any time, with or without a leading slash: {@code menu},
 * {@code help}, {@code human}, {@code money back}, {@code withdraw}. Anything else is an answer to the
 * current step, or an unknown command when it starts with a slash.
 */
enum TypedCommand {
    MENU, HELP, HUMAN, MONEY_BACK, WITHDRAW, UNKNOWN_COMMAND, NONE;

    private static final Map<String, TypedCommand> WORDS = Map.ofEntries(
            Map.entry("menu", MENU), Map.entry("start", MENU), Map.entry("dispute", MENU),
            Map.entry("disputes", MENU), Map.entry("orders", MENU),
            Map.entry("help", HELP), Map.entry("?", HELP),
            Map.entry("human", HUMAN), Map.entry("mediator", HUMAN), Map.entry("talk to a human", HUMAN),
            Map.entry("money back", MONEY_BACK), Map.entry("moneyback", MONEY_BACK), Map.entry("refund", MONEY_BACK),
            Map.entry("withdraw", WITHDRAW));

    static TypedCommand of(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        boolean slash = word.startsWith("/");
        if (slash) {
            word = word.substring(1);
            // Telegram appends the bot's name to commands in groups: /help@DisputeBot
            int at = word.indexOf('@');
            if (at >= 0) {
                word = word.substring(0, at);
            }
        }
        TypedCommand command = WORDS.get(word);
        if (command != null) {
            return command;
        }
        return slash ? UNKNOWN_COMMAND : NONE;
    }
}
