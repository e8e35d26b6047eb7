package com.disputeassistant.telegram.updates;

import com.disputeassistant.language.Language;
import com.disputeassistant.language.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A slash command the bot registers with Telegram, and the word the engine understands for it. Commands
 * Telegram users see in the menu are translated here, so the engine keeps one vocabulary on every channel.
 *
 * @param word        the command without its slash, as registered; its description in the command menu is
 *                    the text {@code telegram.command.<word>}
 * @param engineText  what the engine is sent instead, or null for {@code /start}, which the channel answers
 */
record ChatCommand(String word, String engineText) {
    static final ChatCommand START = new ChatCommand("start", null);
    static final ChatCommand DISPUTE = new ChatCommand("dispute", "menu");
    static final ChatCommand HELP = new ChatCommand("help", "help");
    static final ChatCommand HUMAN = new ChatCommand("human", "human");
    /** {@code /language de}: the one command whose argument the engine needs. */
    static final ChatCommand LANGUAGE = new ChatCommand("language", "language");

    /** In the order Telegram's command menu shows them. */
    static final List<ChatCommand> ALL = List.of(START, DISPUTE, HELP, HUMAN, LANGUAGE);
    private static final Map<String, ChatCommand> BY_WORD = Map.of(
            START.word, START, DISPUTE.word, DISPUTE, HELP.word, HELP, HUMAN.word, HUMAN, LANGUAGE.word, LANGUAGE);

    /** What Telegram shows next to the command in its menu, in a language. */
    String description(Language language) {
        return Texts.of(language).get("telegram.command." + word);
    }

    /** A text that starts with one of the commands: the command and what follows it (trimmed). */
    record Invocation(ChatCommand command, String argument) {
        /** What the engine is sent: the command's word, with the argument where the engine reads one. */
        String engineText() {
            return command == LANGUAGE && !argument.isEmpty() ? command.engineText + " " + argument : command.engineText;
        }
    }

    /** The command a message starts with, if it is one of ours ({@code /help}, {@code /help@Bot}, {@code /start CODE}). */
    static Optional<Invocation> parse(String text) {
        ChatCommand command = word(text).map(BY_WORD::get).orElse(null);
        if (command == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        int space = indexOfWhitespace(stripped);
        return Optional.of(new Invocation(command, space < 0 ? "" : stripped.substring(space).strip()));
    }

    /** The word of a slash command, in lower case and without the bot's name: {@code /Fee@Bot 5} gives {@code fee}. */
    static Optional<String> word(String text) {
        String stripped = withoutBotName(text);
        if (!stripped.startsWith("/")) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(stripped);
        return Optional.of(stripped.substring(1, space < 0 ? stripped.length() : space).toLowerCase(Locale.ROOT));
    }

    /**
     * The text without the bot's name Telegram appends to commands picked in groups ({@code /fee@DisputeBot 450}
     * gives {@code /fee 450}), so the engine reads the command as typed in a private chat.
     */
    static String withoutBotName(String text) {
        String stripped = text.strip();
        if (!stripped.startsWith("/")) {
            return stripped;
        }
        int space = indexOfWhitespace(stripped);
        int end = space < 0 ? stripped.length() : space;
        int at = stripped.indexOf('@');
        return at < 0 || at > end ? stripped : stripped.substring(0, at) + stripped.substring(end);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
