package com.disputeassistant.slack;

import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.conversation.TextAnswer;
import com.disputeassistant.language.Language;
import com.disputeassistant.language.Texts;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The free text the engine waits for rather than a button ({@link TextAnswer}: the opener's
 * description at intake, the client's task list, each party's fee proposal), offered in Slack
 * as a modal, which is where Slack users expect to type something structured. Typing the same into the
 * DM still works: a form's submission simply becomes the text messages the engine would have received.
 */
enum Form {
    DESCRIPTION(true),
    /** One task per line, each its own message, as the engine takes one task per message. */
    TASKS(true),
    FEE(false);

    /** Prefix of a form button's option id; never an engine option, so the engine never sees one. */
    static final String OPTION_PREFIX = "slack:form:";
    /** The modal's callback id prefix, so a submission says which form it answers. */
    static final String CALLBACK_PREFIX = "dispute-form:";
    static final String BLOCK = "answer";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean multiline;

    Form(boolean multiline) {
        this.multiline = multiline;
    }

    /** The button that opens the form, labelled in the recipient's language. */
    ReplyOption option(Language language) {
        return new ReplyOption(OPTION_PREFIX + name(), text(language, "button"));
    }

    /** The form's own texts: {@code slack.form.<FORM>.button}, {@code .title} and {@code .hint}. */
    private String text(Language language, String part) {
        return Texts.of(language).get("slack.form." + name() + "." + part);
    }

    static Optional<Form> ofOption(String optionId) {
        return named(optionId, OPTION_PREFIX);
    }

    static Optional<Form> ofCallback(String callbackId) {
        return named(callbackId, CALLBACK_PREFIX);
    }

    private static Optional<Form> named(String id, String prefix) {
        if (id == null || !id.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = id.substring(prefix.length());
        return Arrays.stream(values()).filter(form -> form.name().equals(name)).findFirst();
    }

    /** The form for the free text the engine says a message's recipient owes. */
    static Form of(TextAnswer answer) {
        return switch (answer) {
            case DESCRIPTION -> DESCRIPTION;
            case TASKS -> TASKS;
            case FEE -> FEE;
        };
    }

    /** The text messages a submitted answer stands for: one per non-blank line for the task list. */
    List<String> messages(String answer) {
        if (answer == null || answer.isBlank()) {
            return List.of();
        }
        if (this == TASKS) {
            return answer.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
        return List.of(answer.strip());
    }

    /** The modal, as {@code views.open} takes it, in the presser's language. */
    String modal(Language language) {
        Texts texts = Texts.of(language);
        String title = text(language, "title");
        ObjectNode view = JSON.createObjectNode().put("type", "modal").put("callback_id", CALLBACK_PREFIX + name());
        view.putObject("title").put("type", "plain_text").put("text", title);
        view.putObject("submit").put("type", "plain_text").put("text", texts.get("slack.form.send"));
        view.putObject("close").put("type", "plain_text").put("text", texts.get("slack.form.cancel"));
        ObjectNode input = view.putArray("blocks").addObject().put("type", "input").put("block_id", BLOCK);
        input.putObject("label").put("type", "plain_text").put("text", title);
        ObjectNode element = input.putObject("element").put("type", "plain_text_input")
                .put("action_id", BLOCK).put("multiline", multiline).put("max_length", 3000);
        element.putObject("placeholder").put("type", "plain_text").put("text", text(language, "hint"));
        return JSON.writeValueAsString(view);
    }
}
