package com.disputeassistant.conversation;

import com.disputeassistant.language.Language;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few words a person can type at any time, with or without a leading slash: {@code menu},
 * {@code help}, {@code human}, {@code money back}, {@code withdraw}, and {@code language} (with the
 * language's code, or alone to be shown the choices). Anything else is an answer to the
 * current step, or an unknown command when it starts with a slash.
 */
enum TypedCommand {
    MENU, HELP, HUMAN, MONEY_BACK, WITHDRAW, LANGUAGE, UNKNOWN_COMMAND, NONE;

    /** {@code language}, {@code language de}, {@code /sprache en}: the one command that takes an argument. */
    private static final Pattern LANGUAGE_COMMAND = Pattern.compile("/?(?:language|sprache)(?:\\s+(\\S+))?\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, TypedCommand> WORDS = Map.ofEntries(
            Map.entry("menu", MENU), Map.entry("start", MENU), Map.entry("dispute", MENU),
            Map.entry("disputes", MENU), Map.entry("orders", MENU),
            Map.entry("help", HELP), Map.entry("?", HELP),
            Map.entry("human", HUMAN), Map.entry("mediator", HUMAN), Map.entry("talk to a human", HUMAN),
            Map.entry("money back", MONEY_BACK), Map.entry("moneyback", MONEY_BACK), Map.entry("refund", MONEY_BACK),
            Map.entry("withdraw", WITHDRAW),
            // The same words in German, as the German texts name them.
            Map.entry("menü", MENU), Map.entry("hilfe", HELP), Map.entry("mensch", HUMAN),
            Map.entry("vermittlung", HUMAN), Map.entry("geld zurück", MONEY_BACK), Map.entry("zurückziehen", WITHDRAW));

    static TypedCommand of(String text) {
        Matcher language = LANGUAGE_COMMAND.matcher(text.strip());
        // Without a slash only "language" alone or with a code the bot speaks: "language barrier" is words.
        if (language.matches() && (text.strip().startsWith("/") || language.group(1) == null
                || Language.of(language.group(1)).isPresent())) {
            return LANGUAGE;
        }
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

    /** The language asked for in a {@link #LANGUAGE} command ({@code de} in {@code /language de}), or "". */
    static String languageArgument(String text) {
        Matcher matcher = LANGUAGE_COMMAND.matcher(text.strip());
        return matcher.matches() && matcher.group(1) != null ? matcher.group(1) : "";
    }
}
