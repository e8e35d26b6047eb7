package com.disputeassistant.slack;

import com.disputeassistant.slack.FakeSlackApi.Call;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack user in a conversation script: what they type, run and press, and what the bot posts to them,
 * as seen by the fake Web API. Buttons are pressed by their label, using the token the bot actually sent.
 */
public final class SlackUser {
    private static final AtomicLong EVENTS = new AtomicLong();

    /** The Slack user id, e.g. {@code UALICE}; their identity is {@code slack:<team>/<id>}. */
    public final String id;
    private final SlackTransport transport;
    private final FakeSlackApi api;
    /** Web API calls up to here happened before this user's last action. */
    private int mark;

    /** A user of the fake's team who reaches the app through {@code transport}. */
    public SlackUser(String id, SlackTransport transport, FakeSlackApi api) {
        this.id = id;
        this.transport = transport;
        this.api = api;
    }

    /** Sends a DM, written as Slack sends it ({@code & < >} as entities); returns the event sent. */
    public String says(String slackText) {
        String event = SlackPayloads.dm("Ev" + EVENTS.incrementAndGet(), id, SlackPayloads.nextTs(), slackText);
        act();
        transport.event(event);
        return event;
    }

    /**
     * Shares files in their DM with a caption ({@code files} as {@link FakeSlackApi#shareFile} describes
     * them); returns the event sent.
     */
    public String shares(String caption, ObjectNode... files) {
        String event = SlackPayloads.fileShare("Ev" + EVENTS.incrementAndGet(), id, null, SlackPayloads.nextTs(), null,
                caption, List.of(files));
        act();
        transport.event(event);
        return event;
    }

    /** Shares files in a channel's thread (a dispute's thread in the mediators' room) with a caption. */
    public void sharesIn(String channel, String threadTs, String caption, ObjectNode... files) {
        String event = SlackPayloads.fileShare("Ev" + EVENTS.incrementAndGet(), id, channel, SlackPayloads.nextTs(),
                threadTs, caption, List.of(files));
        act();
        transport.event(event);
    }

    /** The first file shared in this user's DM since their last action with this name. */
    public FakeSlackApi.Upload receivedFile(String name) {
        return api.awaitUpload(FakeSlackApi.dmOf(id), name);
    }

    /** Runs the {@code /dispute} command in their DM. */
    public SlackUser runsDispute() {
        act();
        transport.command(SlackPayloads.command(id, "D" + id));
        return this;
    }

    /** Presses the button with this label in the first message to this user, since their last action, offering it. */
    public SlackUser presses(String label) {
        Call message = offering(label);
        act();
        transport.interaction(SlackPayloads.press(id, token(message, label), label, ts(message), "trigger-" + id + mark));
        return this;
    }

    /** Presses the button in exactly this message (to press one twice, or another's). */
    public void pressesIn(Call message, String label, SlackUser presser) {
        presser.act();
        presser.transport.interaction(SlackPayloads.press(presser.id, token(message, label), label, ts(message),
                "trigger-" + presser.id + presser.mark));
    }

    /** Writes in a channel: at its top level, or, with {@code threadTs}, as a reply in that thread. */
    public void writesIn(String channel, String threadTs, String slackText) {
        String event = SlackPayloads.channelMessage("Ev" + EVENTS.incrementAndGet(), id, channel, SlackPayloads.nextTs(),
                threadTs, slackText);
        act();
        transport.event(event);
    }

    /** Presses the button with this label in a message the bot posted in a channel. */
    public void pressesInChannel(String channel, Call message, String label) {
        String token = token(message, label);
        if (token == null) {
            throw new AssertionError("no button '" + label + "' in " + message);
        }
        act();
        transport.interaction(SlackPayloads.press(id, token, label, api.tsOf(message), "trigger-" + id + mark, channel));
    }

    /** Presses a form button, waits for the modal the bot opens, and submits it with this answer. */
    public SlackUser fillsIn(String buttonLabel, String answer) {
        presses(buttonLabel);
        String trigger = "trigger-" + id + mark;
        Call opened = api.await("views.open", mark, c -> trigger.equals(c.param("trigger_id")), "for " + trigger);
        JsonNode view = opened.json("view");
        act();
        transport.interaction(SlackPayloads.submit(id, "V" + trigger, view.path("callback_id").asString(), answer));
        return this;
    }

    /** The first message to this user since their last action whose text contains this. */
    public Call received(String text) {
        return api.await("chat.postMessage", mark, c -> id.equals(c.param("channel")) && c.param("text").contains(text),
                "to " + id + " containing '" + text + "'");
    }

    /** The first message to this user since their last action with a button whose label starts so. */
    public Call offering(String label) {
        return api.await("chat.postMessage", mark, c -> id.equals(c.param("channel")) && token(c, label) != null,
                "to " + id + " offering '" + label + "'");
    }

    /** From now on, only what the bot posts after this moment counts as received. */
    public void act() {
        mark = api.lastSeq();
    }

    /** The action id (the button registry's token) of the button with this label in the message, or null. */
    public static String token(Call message, String label) {
        for (JsonNode block : message.json("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("text").path("text").asString("").startsWith(label)) {
                    return element.path("action_id").asString();
                }
            }
        }
        return null;
    }

    /** The ts Slack gave the posted message, as the fake numbers them in order. */
    private String ts(Call message) {
        return "ts-" + message.seq();
    }
}
