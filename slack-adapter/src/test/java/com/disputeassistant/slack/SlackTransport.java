package com.disputeassistant.slack;

import java.util.Map;

/** How a test's payloads reach the app: signed HTTP requests, or Socket Mode envelopes. */
public interface SlackTransport {

    /** An Events API callback (JSON). */
    void event(String json);

    /** A slash command (form fields). */
    void command(Map<String, String> fields);

    /** An interaction payload (block_actions, view_submission; JSON). */
    void interaction(String json);
}
