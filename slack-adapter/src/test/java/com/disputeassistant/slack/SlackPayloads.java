package com.disputeassistant.slack;

import static com.disputeassistant.slack.FakeSlackApi.JSON;
import static com.disputeassistant.slack.FakeSlackApi.TEAM;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/** What Slack sends the app, in Slack's wire format: event callbacks, slash commands, interactions. */
final class SlackPayloads {
    private static final AtomicLong SEQ = new AtomicLong(1_700_000_100_000000L);

    private SlackPayloads() {
    }

    static String nextTs() {
        return FakeSlackApi.ts(SEQ.incrementAndGet());
    }

    /** A DM from the user, {@code text} as Slack sends it (its {@code & < >} already as entities). */
    static String dm(String eventId, String user, String ts, String text) {
        ObjectNode event = JSON.createObjectNode().put("type", "message").put("channel", "D" + user)
                .put("channel_type", "im").put("user", user).put("text", text).put("ts", ts).put("event_ts", ts)
                .put("team", TEAM);
        return callback(eventId, event);
    }

    /**
     * Files shared in a message (subtype {@code file_share}) with {@code text} as its caption: in the user's
     * DM when {@code channel} is null, else in that channel, in the thread {@code threadTs} if set.
     */
    static String fileShare(String eventId, String user, String channel, String ts, String threadTs, String text,
                            List<ObjectNode> files) {
        boolean dm = channel == null;
        ObjectNode event = JSON.createObjectNode().put("type", "message").put("subtype", "file_share")
                .put("channel", dm ? "D" + user : channel).put("channel_type", dm ? "im" : "channel").put("user", user)
                .put("text", text).put("ts", ts).put("event_ts", ts).put("upload", false).put("display_as_bot", false)
                .put("team", TEAM);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        files.forEach(file -> event.withArray("files").add(file.deepCopy().put("user", user)));
        return callback(eventId, event);
    }

    /** A message in a channel, at the top level or, with {@code threadTs}, as a reply in that thread. */
    static String channelMessage(String eventId, String user, String channel, String ts, String threadTs,
                                 String text) {
        ObjectNode event = JSON.createObjectNode().put("type", "message").put("channel", channel)
                .put("channel_type", "channel").put("user", user).put("text", text).put("ts", ts).put("event_ts", ts)
                .put("team", TEAM);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return callback(eventId, event);
    }

    static String homeOpened(String eventId, String user) {
        ObjectNode event = JSON.createObjectNode().put("type", "app_home_opened").put("user", user)
                .put("channel", "D" + user).put("tab", "home").put("event_ts", nextTs());
        return callback(eventId, event);
    }

    private static String callback(String eventId, ObjectNode event) {
        ObjectNode body = JSON.createObjectNode().put("token", "legacy").put("team_id", TEAM).put("api_app_id", "A01")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", 1_700_000_000);
        body.set("event", event);
        return JSON.writeValueAsString(body);
    }

    static Map<String, String> command(String user, String channel) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "legacy");
        fields.put("team_id", TEAM);
        fields.put("team_domain", "test");
        fields.put("channel_id", channel);
        fields.put("channel_name", channel.startsWith("D") ? "directmessage" : "general");
        fields.put("user_id", user);
        fields.put("user_name", user.toLowerCase());
        fields.put("command", SlackInbound.COMMAND);
        fields.put("text", "");
        fields.put("api_app_id", "A01");
        fields.put("response_url", "https://hooks.slack.invalid/commands/1");
        fields.put("trigger_id", "trigger-" + SEQ.incrementAndGet());
        return fields;
    }

    static String press(String user, String token, String label, String messageTs, String triggerId) {
        return press(user, token, label, messageTs, triggerId, "D" + user);
    }

    /** A press of a button in a message in {@code channel}. */
    static String press(String user, String token, String label, String messageTs, String triggerId,
                        String channel) {
        ObjectNode body = interaction("block_actions", user, triggerId);
        body.putObject("container").put("type", "message").put("message_ts", messageTs)
                .put("channel_id", channel).put("is_ephemeral", false);
        body.putObject("channel").put("id", channel).put("name", channel.startsWith("D") ? "directmessage" : "room");
        body.put("response_url", "https://hooks.slack.invalid/actions/1");
        ObjectNode action = body.putArray("actions").addObject().put("type", "button").put("action_id", token)
                .put("block_id", "b1").put("value", token).put("action_ts", nextTs());
        action.putObject("text").put("type", "plain_text").put("text", label);
        return JSON.writeValueAsString(body);
    }

    static String submit(String user, String viewId, String callbackId, String answer) {
        ObjectNode body = interaction("view_submission", user, "trigger-" + SEQ.incrementAndGet());
        ObjectNode view = body.putObject("view").put("id", viewId).put("type", "modal").put("callback_id", callbackId)
                .put("hash", "h1").put("private_metadata", "");
        view.putObject("state").putObject("values").putObject(Form.BLOCK).putObject(Form.BLOCK)
                .put("type", "plain_text_input").put("value", answer);
        return JSON.writeValueAsString(body);
    }

    private static ObjectNode interaction(String type, String user, String triggerId) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("api_app_id", "A01").put("token", "legacy")
                .put("trigger_id", triggerId);
        body.putObject("team").put("id", TEAM).put("domain", "test");
        body.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", TEAM);
        return body;
    }
}
