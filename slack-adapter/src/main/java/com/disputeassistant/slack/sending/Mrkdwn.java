package com.disputeassistant.slack.sending;

/**
 * Slack's mrkdwn text: {@code &}, {@code <} and {@code >} are control characters there ({@code <!channel>}
 * notifies a whole channel, {@code <https://x|label>} is a link that hides where it goes), so any text that
 * may carry what a person typed is escaped before it is posted.
 */
public final class Mrkdwn {
    private Mrkdwn() {
    }

    /** The text with {@code & < >} written as Slack's three entities, so it shows literally. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * What a person typed, from a message event's text, where Slack has already written {@code & < >}
     * as entities. Decoded so the engine stores what was typed, and {@link #escape} does not escape twice.
     */
    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
