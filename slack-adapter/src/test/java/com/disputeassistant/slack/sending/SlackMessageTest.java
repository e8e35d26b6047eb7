package com.disputeassistant.slack.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.inbound.ReplyTokens;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackMessageTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void escapesTheThreeMrkdwnControlCharactersAndDecodesSlacksEntities() {
        String typed = "Ping <!channel> & see <https://x|label>";

        assertThat(Mrkdwn.escape(typed)).isEqualTo("Ping &lt;!channel&gt; &amp; see &lt;https://x|label&gt;");
        assertThat(Mrkdwn.unescape(Mrkdwn.escape(typed))).isEqualTo(typed);
        assertThat(Mrkdwn.unescape("&amp;lt;")).isEqualTo("&lt;");
    }

    @Test
    void rendersEscapedTextAndButtonsCarryingTheirTokens() {
        List<String> bodies = SlackMessage.render("U1", "Who? <b> & co", List.of(
                new ReplyTokens.Button("Same expert", "tok.0"), new ReplyTokens.Button("x".repeat(90), "tok.1")));

        assertThat(bodies).hasSize(1);
        JsonNode body = JSON.readTree(bodies.get(0));
        assertThat(body.path("channel").asString()).isEqualTo("U1");
        assertThat(body.path("text").asString()).as("the notification text, options numbered for typing")
                .isEqualTo("Who? &lt;b&gt; &amp; co\n\n1. Same expert\n2. " + "x".repeat(90));
        JsonNode buttons = body.path("blocks").get(1).path("elements");
        assertThat(buttons.get(0).path("action_id").asString()).isEqualTo("tok.0");
        assertThat(buttons.get(0).path("value").asString()).isEqualTo("tok.0");
        assertThat(buttons.get(0).path("text").path("text").asString()).isEqualTo("Same expert");
        assertThat(buttons.get(1).path("text").path("text").asString()).hasSize(SlackMessage.LABEL_LIMIT).endsWith("…");
    }

    @Test
    void splitsLongTextIntoSectionsAndMessagesWithTheButtonsOnTheLast() {
        String line = "a & b ".repeat(100) + "\n";
        String text = line.repeat(150);
        List<ReplyTokens.Button> buttons = IntStream.range(0, 30)
                .mapToObj(i -> new ReplyTokens.Button("#" + i, "t." + i)).toList();

        List<String> bodies = SlackMessage.render("U1", text, buttons);

        assertThat(bodies).hasSizeGreaterThan(1);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode body = JSON.readTree(bodies.get(i));
            for (JsonNode block : body.path("blocks")) {
                if (block.path("type").asString().equals("section")) {
                    String section = block.path("text").path("text").asString();
                    assertThat(section.length()).isLessThanOrEqualTo(SlackMessage.SECTION_LIMIT);
                    shown.append(section).append('\n');
                } else {
                    assertThat(i).as("buttons only on the last message").isEqualTo(bodies.size() - 1);
                    assertThat(block.path("elements").size()).isLessThanOrEqualTo(SlackMessage.BUTTONS_PER_BLOCK);
                }
            }
            assertThat(body.path("text").asString().length()).isLessThanOrEqualTo(40_000);
        }
        assertThat(Mrkdwn.unescape(shown.toString())).isEqualTo(text + "\n");
    }

    @Test
    void neverCutsInsideAnEntity() {
        String escaped = Mrkdwn.escape("&".repeat(2000));

        for (String section : SlackMessage.sections(escaped)) {
            assertThat(section).matches("(&amp;)+");
        }
    }
}
