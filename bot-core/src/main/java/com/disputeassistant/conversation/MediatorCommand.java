package com.disputeassistant.conversation;

import com.disputeassistant.procedure.Trigger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one mediator vocabulary: every action a mediator can take, typed ({@code /fee 300}, or
 * {@code !fee 300} where the platform keeps {@code /} for itself) or pressed (a button's option names
 * the same action and carries the same argument). The engine parses both through this table, and the
 * help a mediator reads and the README's command table are generated from it, so they always list every
 * action with its argument.
 */
public enum MediatorCommand {
    HELP("help", Argument.NONE, null, true),
    QUEUE("queue", Argument.NONE, null, true),
    CLAIM("claim", Argument.DISPUTE, Trigger.CLAIM, true),
    SUMMARY("summary", Argument.NONE, null, false),
    TIMELINE("timeline", Argument.PAGE, null, false),
    TRANSCRIPT("transcript", Argument.PAGE, null, false),
    TO("to", Argument.SIDE_AND_TEXT, null, false),
    TERMS("terms", Argument.TEXT, Trigger.DEFINE_TERMS, false),
    IN("in", Argument.TASK, Trigger.RULE_TASK_IN_SCOPE, false),
    OUT("out", Argument.TASK, Trigger.RULE_TASK_OUT_OF_SCOPE, false),
    ASSIGN("assign", Argument.PERSON, Trigger.ASSIGN_REPLACEMENT, false),
    DEADLINE("deadline", Argument.DAYS, Trigger.SET_DEADLINE, false),
    FEE("fee", Argument.AMOUNT, Trigger.DECIDE_FEE, false),
    REFUND("refund", Argument.NONE, Trigger.DECIDE_FULL_REFUND, false),
    RESOLVED("resolved", Argument.NONE, Trigger.CLOSE_AS_RESOLVED, false),
    HANDBACK("handback", Argument.STEP, Trigger.HAND_BACK, false),
    RELEASE("release", Argument.NONE, Trigger.RELEASE, false);

    /** What a command takes after its word. */
    public enum Argument {
        NONE, DISPUTE, PAGE, SIDE_AND_TEXT, TEXT, TASK, PERSON, DAYS, AMOUNT, STEP;

        /** Whether the command can do without it ({@code /timeline} shows the first page). */
        boolean optional() {
            return this == NONE || this == PAGE;
        }
    }

    /** A typed command: which one, and what followed its word (trimmed, possibly empty). */
    public record Invocation(MediatorCommand command, String argument) {
    }

    private static final Map<String, MediatorCommand> BY_WORD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(c -> c.word, Function.identity()));

    private final String word;
    private final Argument argument;
    private final Trigger trigger;
    private final boolean withoutDispute;

    MediatorCommand(String word, Argument argument, Trigger trigger, boolean withoutDispute) {
        this.word = word;
        this.argument = argument;
        this.trigger = trigger;
        this.withoutDispute = withoutDispute;
    }

    /** The word typed after the command prefix. */
    public String word() {
        return word;
    }

    public Argument argument() {
        return argument;
    }

    /** The procedure's trigger this command fires, or empty for one that only reads or relays. */
    public Optional<Trigger> trigger() {
        return Optional.ofNullable(trigger);
    }

    /** Whether the command works where no dispute is in view (a room's top level): it names none, or its own. */
    public boolean withoutDispute() {
        return withoutDispute;
    }

    /**
     * The command a text starts with: {@code /word ...}, {@code !word ...} (Slack keeps a leading
     * {@code /} for its own commands), or a bare {@code help} or {@code ?}. Empty for anything else,
     * which the engine relays to the parties, or answers with the help when it starts with a prefix.
     */
    public static Optional<Invocation> parse(String text) {
        String stripped = text == null ? "" : text.strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (lower.equals("help") || lower.equals("?")) {
            return Optional.of(new Invocation(HELP, ""));
        }
        if (!isCommand(stripped)) {
            return Optional.empty();
        }
        int space = 1;
        while (space < stripped.length() && !Character.isWhitespace(stripped.charAt(space))) {
            space++;
        }
        MediatorCommand command = BY_WORD.get(stripped.substring(1, space).toLowerCase(Locale.ROOT));
        return command == null ? Optional.empty()
                : Optional.of(new Invocation(command, stripped.substring(space).strip()));
    }

    /** Whether a text is written as a command, known or not. */
    public static boolean isCommand(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() > 1 && (stripped.charAt(0) == '/' || stripped.charAt(0) == '!')
                && Character.isLetter(stripped.charAt(1));
    }

    /** Whether a text is a command that works where no dispute is in view; see {@link #withoutDispute()}. */
    public static boolean worksWithoutDispute(String text) {
        return parse(text).map(invocation -> invocation.command().withoutDispute).orElse(false);
    }

    /** The command a button's option action names: its trigger's name, or the command's own name. */
    static Optional<MediatorCommand> ofAction(String action) {
        for (MediatorCommand command : values()) {
            if (command.trigger != null && command.trigger.name().equals(action) || command.name().equals(action)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** The name a button's option uses for this command: its trigger's, so the procedure's options keep their ids. */
    String action() {
        return trigger != null ? trigger.name() : name();
    }
}
