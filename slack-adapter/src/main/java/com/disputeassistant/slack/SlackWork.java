package com.disputeassistant.slack;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One acked Slack request still to handle, as kept in the {@link SlackInbox}: only what handling it
 * needs, not Slack's whole payload. Every kind names the Slack user it came from, whose requests are
 * handled in the order they came.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SlackWork.Text.class, name = "text"),
        @JsonSubTypes.Type(value = SlackWork.Press.class, name = "press"),
        @JsonSubTypes.Type(value = SlackWork.Submission.class, name = "submission"),
        @JsonSubTypes.Type(value = SlackWork.HomeOpened.class, name = "home"),
        @JsonSubTypes.Type(value = SlackWork.RoomMessage.class, name = "room")
})
sealed interface SlackWork {
    JsonMapper JSON = JsonMapper.builder().build();

    String team();

    String user();

    /** As kept in the inbox: JSON with a {@code kind}. */
    default String json() {
        return JSON.writeValueAsString(this);
    }

    /** Reads what {@link #json()} wrote; throws {@link JacksonException} for anything else. */
    static SlackWork read(String json) {
        return JSON.readValue(json, SlackWork.class);
    }

    /**
     * A DM, or {@code /dispute} (as the text {@code menu}); {@code files} are those the DM shared (a
     * {@code file_share}, whose text is the caption), none for plain text.
     */
    record Text(String team, String user, String text, String deliveryId, List<SharedFile> files)
            implements SlackWork {
        public Text {
            files = files == null ? List.of() : List.copyOf(files);
        }

        Text(String team, String user, String text, String deliveryId) {
            this(team, user, text, deliveryId, List.of());
        }
    }

    /**
     * A file shared in a message, as the event describes it: {@code url} is its {@code url_private_download}
     * (else {@code url_private}), which only the bot token opens; {@code size} -1 when not given.
     */
    record SharedFile(String id, String name, String mimetype, long size, String url) {
    }

    /** A button press: {@code token} is the button's action id, {@code channel} where the message is. */
    record Press(String team, String user, String token, String channel, String messageTs, String actionTs,
                 String triggerId) implements SlackWork {

        /** One press of one button: a repeat of this press has the same id, a second press another. */
        String deliveryId() {
            return "slack:action:" + channel + ":" + messageTs + ":" + actionTs;
        }
    }

    /** A submitted form; {@code answer} is what was typed in it, null if nothing. */
    record Submission(String team, String user, String viewId, String callbackId, String answer)
            implements SlackWork {
    }

    /**
     * A message in the mediators' room: {@code threadTs} is the thread it replies in (a dispute's card),
     * null at the top level. Its delivery id is that of any Slack message, see {@link SlackInbound}.
     */
    record RoomMessage(String team, String user, String channel, String ts, String threadTs, String text,
                       List<SharedFile> files) implements SlackWork {
        public RoomMessage {
            files = files == null ? List.of() : List.copyOf(files);
        }

        String deliveryId() {
            return messageId(channel, ts);
        }
    }

    /** A Slack message's delivery id: its channel and ts identify it, however often Slack sends it. */
    static String messageId(String channel, String ts) {
        return "slack:ts:" + channel + ":" + ts;
    }

    /** The App Home tab was opened. */
    record HomeOpened(String team, String user) implements SlackWork {
    }
}
