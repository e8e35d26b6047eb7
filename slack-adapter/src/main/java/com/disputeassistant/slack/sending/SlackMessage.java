package com.disputeassistant.slack.sending;

import com.disputeassistant.inbound.ReplyTokens;
import com.disputeassistant.inbound.ReplyTokens.Button;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders one bot message as {@code chat.postMessage} request bodies: the text (escaped for mrkdwn) in
 * section blocks, and the reply options as Block Kit buttons whose {@code action_id} and {@code value} are
 * the button's registry token, never the option itself, so a press can be checked against who it was for.
 *
 * <p>Slack's limits shape the split: a section holds at most 3,000 characters and a message's text at most
 * 40,000, an actions block at most 25 buttons and a button label 75 characters. A text longer than one
 * message becomes several messages, in order, with the buttons on the last.
 */
public final class SlackMessage {
    static final int SECTION_LIMIT = 3000;
    static final int SECTIONS_PER_MESSAGE = 12;
    static final int BUTTONS_PER_BLOCK = 25;
    static final int LABEL_LIMIT = 75;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SlackMessage() {
    }

    /** The request bodies for posting {@code text} (plain text, escaped here) with these buttons to a channel. */
    public static List<String> render(String channel, String text, List<Button> buttons) {
        List<String> sections = sections(Mrkdwn.escape(text.isBlank() ? "…" : text));
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < sections.size(); from += SECTIONS_PER_MESSAGE) {
            List<String> part = sections.subList(from, Math.min(sections.size(), from + SECTIONS_PER_MESSAGE));
            boolean last = from + SECTIONS_PER_MESSAGE >= sections.size();
            bodies.add(body(channel, part, last ? buttons : List.of()));
        }
        return bodies;
    }

    private static String body(String channel, List<String> sections, List<Button> buttons) {
        ObjectNode body = JSON.createObjectNode();
        body.put("channel", channel);
        // The notification and screen-reader text, the options numbered (typing a number picks one); the
        // blocks are what people see.
        body.put("text", ReplyTokens.withNumberedOptions(String.join("\n", sections), buttons.stream()
                .map(button -> new Button(Mrkdwn.escape(button.label()), button.token())).toList()));
        ArrayNode blocks = body.putArray("blocks");
        for (String section : sections) {
            ObjectNode block = blocks.addObject().put("type", "section");
            block.putObject("text").put("type", "mrkdwn").put("text", section);
        }
        for (int from = 0; from < buttons.size(); from += BUTTONS_PER_BLOCK) {
            ArrayNode elements = blocks.addObject().put("type", "actions").putArray("elements");
            for (Button button : buttons.subList(from, Math.min(buttons.size(), from + BUTTONS_PER_BLOCK))) {
                ObjectNode element = elements.addObject().put("type", "button")
                        .put("action_id", button.token()).put("value", button.token());
                element.putObject("text").put("type", "plain_text").put("text", label(button.label()));
            }
        }
        return JSON.writeValueAsString(body);
    }

    private static String label(String label) {
        return label.length() <= LABEL_LIMIT ? label : label.substring(0, LABEL_LIMIT - 1) + "…";
    }

    /** Escaped text cut into sections, at a line break where there is one, never inside an entity. */
    static List<String> sections(String escaped) {
        List<String> sections = new ArrayList<>();
        String rest = escaped;
        while (rest.length() > SECTION_LIMIT) {
            int cut = rest.lastIndexOf('\n', SECTION_LIMIT);
            if (cut <= 0) {
                cut = SECTION_LIMIT;
                int amp = rest.lastIndexOf('&', cut - 1);
                if (amp >= 0 && amp > cut - "&amp;".length()) {
                    cut = amp;
                }
            }
            sections.add(rest.substring(0, cut));
            rest = rest.substring(rest.charAt(cut) == '\n' ? cut + 1 : cut);
        }
        sections.add(rest);
        return sections;
    }
}
