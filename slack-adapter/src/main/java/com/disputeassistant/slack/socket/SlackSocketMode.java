package com.disputeassistant.slack.socket;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Socket Mode: the app opens a WebSocket to Slack (no public URL needed) and receives the same events,
 * commands and interactivity as in HTTP mode, through the same Bolt app and handlers. Slack keeps events
 * sent while no socket is open and delivers them on reconnection, which Bolt's client does on its own.
 */
public final class SlackSocketMode implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final String appToken;
    private final App app;
    private SocketModeApp socket;

    public SlackSocketMode(String appToken, App app) {
        this.appToken = appToken;
        this.app = app;
    }

    @Override
    public synchronized void start() {
        try {
            socket = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
            socket.startAsync();
            log.info("Slack is connected in Socket Mode");
        } catch (Exception e) {
            throw new IllegalStateException("Could not open a Slack Socket Mode connection: " + e.getMessage()
                    + ". Check SLACK_APP_TOKEN (an app-level token, xapp-..., with connections:write) and that "
                    + "Socket Mode is enabled in the Slack app's settings.", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (Exception e) {
            log.warn("Closing the Slack Socket Mode connection failed: {}", e.toString());
        } finally {
            socket = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return socket != null;
    }
}
